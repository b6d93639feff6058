"""examples/store_secret_cli.sh, shown on docs/how-to/store.md."""

DOCUMENTED_NAMES = ["prod/orders/postgres", "prod/orders/payments-api"]


def test_cli_tab_stores_the_same_secrets_as_the_python_tab(aws, tmp_path):
    names = [aws.name(name) for name in DOCUMENTED_NAMES]
    aws.run_example(
        "store_secret.py", documented_names=DOCUMENTED_NAMES, tmp_path=tmp_path
    )
    stored_by_python = [aws.secret_state(name) for name in names]
    aws.delete_secrets(*names)

    aws.run_example(
        "store_secret_cli.sh",
        documented_names=DOCUMENTED_NAMES,
        tmp_path=tmp_path,
    )

    assert [aws.secret_state(name) for name in names] == stored_by_python
