"""The `aligner` command line: a click group; each subcommand lives in its own module."""
import click

from aligner import __version__
from aligner.cli.output import one_line_warnings
from aligner.errors import command_line_names


class UsageMistake(click.ClickException):
    """A mistake on the command line, shown as one line like every other user error."""

    exit_code = 2


def _one_line(error: click.UsageError) -> UsageMistake:
    where = f" See '{error.ctx.command_path} --help'." if error.ctx is not None else ""
    message = error.format_message().rstrip()
    if not message.endswith(("?", "!")):  # "Did you mean '--no-cache'?" ends its sentence already
        message = message.rstrip(".") + "."
    return UsageMistake(message + where)


class OneLineGroup(click.Group):
    """Click prints a usage error as three lines (usage, hint, error); we print one. So for the
    product's warnings: one line each while a command runs."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError:
            raise  # plain `aligner`: the help is what the user wants
        except click.UsageError as error:
            raise _one_line(error) from None

    def invoke(self, ctx: click.Context):
        try:
            with one_line_warnings(), command_line_names():  # messages name --options, not Python's keywords
                return super().invoke(ctx)
        except click.UsageError as error:
            raise _one_line(error) from None
        except KeyboardInterrupt:  # click said "Aborted!" and exited 1, as for a failure; batch's own says more
            click.echo("Interrupted (Ctrl-C) before the end.", err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None


INTERRUPTED = 130  # the exit status of a run stopped with Ctrl-C, as shells give a program killed by SIGINT


@click.group(cls=OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
def main() -> None:
    """Align a Chinese text with its Russian or English translation, sentence by sentence.

    Exit status: 0 when everything asked was done; 1 when something could not be (a file unreadable, a
    document of a batch failed); 2 for a mistake on the command line; 130 when stopped with Ctrl-C.
    """


# Subcommands register below, one import and one add_command each.
from aligner.cli.align_cmd import align  # noqa: E402

main.add_command(align)
from aligner.cli.batch_cmd import batch  # noqa: E402

main.add_command(batch)
from aligner.cli.check_cmd import check  # noqa: E402

main.add_command(check)
from aligner.cli.evaluate_cmd import evaluate  # noqa: E402

main.add_command(evaluate)
from aligner.cli.ui_cmd import ui  # noqa: E402

main.add_command(ui)
from aligner.cli.cache_cmd import cache  # noqa: E402

main.add_command(cache)
