"""examples/cost_estimate_cli.sh and the output the page shows for it,
examples/cost_estimate_cli.txt, on docs/costs.md."""


def test_command_prints_the_output_shown_on_the_page(aws, tmp_path):
    result = aws.run_example(
        "cost_estimate_cli.sh", documented_names=[], tmp_path=tmp_path
    )

    shown = (aws.examples_dir / "cost_estimate_cli.txt").read_text()
    assert result.stdout == shown
    assert "Total      $15.00" in shown  # 25 x $0.40 + 100 x $0.05
