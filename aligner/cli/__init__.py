"""The `aligner` command line: a click group; each subcommand lives in its own module."""
import click

from aligner import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
def main() -> None:
    """Align a Chinese text with its Russian or English translation, sentence by sentence."""


# Subcommands register below, one import and one add_command each.
from aligner.cli.align_cmd import align  # noqa: E402

main.add_command(align)
from aligner.cli.evaluate_cmd import evaluate  # noqa: E402

main.add_command(evaluate)
from aligner.cli.ui_cmd import ui  # noqa: E402

main.add_command(ui)
