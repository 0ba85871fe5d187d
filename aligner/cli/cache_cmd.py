"""`aligner cache [--clear]`: where the embedding cache is, how big, and emptying it."""
from __future__ import annotations

import click


@click.command()
@click.option("--clear", is_flag=True, help="Delete every cached vector (the next run embeds its texts again).")
def cache(clear: bool) -> None:
    """Show the embedding cache: its folder, one file per model and version, their sizes.

    Vectors are kept so that a re-run is instant; nothing is removed by itself, and each sentence
    takes about 2 kB (a 20,000-sentence novel and its translation: about 85 MB). ALIGNER_CACHE_DIR moves the folder."""
    from aligner.embed.cache import cache_files, clear_cache, default_cache_dir

    folder = default_cache_dir()
    if clear:
        freed = clear_cache(folder)
        click.echo(f"Cleared the embedding cache in {folder}: {_size(freed)} freed.")
        return
    files = cache_files(folder)
    click.echo(f"Embedding cache: {folder}")
    for item in files:
        vectors = "unreadable" if item.vectors is None else f"{item.vectors:,} vectors"
        click.echo(f"  {_size(item.size):>9}  {vectors:>16}  {item.path.name}")
    click.echo(f"  {_size(sum(f.size for f in files)):>9}  in {len(files)} file{'s' * (len(files) != 1)}"
               " (aligner cache --clear deletes them)")


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB"
