"""The tests keep the shape a newcomer expects: each example's proof is
found by its name, and test modules share code only through tests/support/.
"""

import ast
from pathlib import Path

from tests.support.code_blocks import example_files
from tests.support.paths import EXAMPLES, TESTS

EXAMPLE_TESTS = TESTS / "examples"


def task_name(example: Path) -> str:
    """The name of the task an example file belongs to: its stem, without
    the `_cli` of an AWS CLI tab; a package's folder name."""
    first = example.relative_to(EXAMPLES).parts[0]
    return first.split(".")[0].removesuffix("_cli")


def test_every_example_has_its_test_module_which_names_it():
    missing = []
    for example in example_files():
        module = EXAMPLE_TESTS / f"test_{task_name(example)}.py"
        relative = example.relative_to(EXAMPLES)
        # A test names the file it runs, or imports the module by name.
        names = {relative.parts[0], relative.parts[0].removesuffix(".py")}
        if not module.is_file():
            missing.append(
                f"examples/{relative}: no tests/examples/{module.name}"
            )
        elif not any(name in module.read_text() for name in names):
            missing.append(f"examples/{relative}: not named in {module.name}")

    assert not missing, (
        "each example is run by tests/examples/test_<name>.py, the Python "
        "and AWS CLI tabs of a task by one module:\n" + "\n".join(missing)
    )


def test_every_example_test_module_has_its_example():
    names = {task_name(example) for example in example_files()}
    strays = [
        module.name
        for module in sorted(EXAMPLE_TESTS.glob("test_*.py"))
        if module.stem.removeprefix("test_") not in names
    ]

    assert not strays, (
        "tests/examples/ mirrors examples/; these test no example: "
        + ", ".join(strays)
    )


def test_the_top_of_tests_holds_only_conftest_support_and_folders():
    unexpected = [
        path.name
        for path in TESTS.iterdir()
        if path.is_file() and path.name != "conftest.py"
    ]

    assert not unexpected, (
        "tests/ holds conftest.py, the support package and folders of "
        "tests; move these: " + ", ".join(unexpected)
    )


def test_no_test_module_imports_another():
    importing = [
        f"{module.relative_to(TESTS)} imports {name}"
        for module in sorted(TESTS.rglob("test_*.py"))
        for name in imported_modules(module)
        if name.split(".")[-1].startswith(("test_", "conftest"))
    ]

    assert not importing, (
        "put what tests share in tests/support/:\n" + "\n".join(importing)
    )


def imported_modules(module: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # `from x import test_y` imports a module too.
            prefix = f"{node.module}." if node.module else ""
            names += [node.module or ""]
            names += [prefix + alias.name for alias in node.names]
    return names
