"""Everything the tests share that is not a test.

- `paths`, `documented`: where things are, and the names the pages use.
- `sandbox`, `aws`: fake credentials, no network, moto, `run_example`.
- `command_lines`: what the shell examples put on command lines, checked
  for secrets.
- `logs`: what the examples log with the root logger at DEBUG, checked for
  secrets.
- `impostor`: a server that passes for PostgreSQL, to which no example may
  send a password.
- `tools`: programs from the system, skipped locally and required in CI.
- `untraced`: subprocesses that run none of examples/, outside coverage.
- `shared`: session fixtures whose tests share one xdist worker.
- `postgres`, `postgres_programs`, `layer`, `iam`, `rotation`, `aws_errors`:
  what the example tests set up and check.
- `code_blocks`, `sites`, `browsing`: the built site, and Chromium reading it.

Test modules import from here, never from each other. tests/conftest.py
registers the fixture modules as plugins and has pytest rewrite the asserts
of the whole package, so a failing check here shows its values.
"""
