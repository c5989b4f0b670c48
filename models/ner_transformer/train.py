"""Train the transformers NER backend from scratch: raw text, vocabulary, MLM pretraining, token classification,
evaluation, packaging. One subcommand per step (see the Makefile beside this file).

Data rules (corpora/splits.py): CAIL2021 test sentences are never used, not even as unlabelled MLM text; any raw
sentence sharing a 16-character shingle with a test sentence is dropped too. Dev is only used for early stopping.
On the CPU single-threaded by default (the build machine's CPUs are shared); `--device cuda` trains on a GPU in
bfloat16 autocast, where the step count is bounded by `--max-minutes` (the learning rate decays over the time budget).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from transformers import BertConfig, BertForMaskedLM, BertForTokenClassification

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpora.splits import SHARED_DATA, cail2021  # noqa: E402
from nlp.ner.base import Span  # noqa: E402
from nlp.ner.scoring import score  # noqa: E402
from nlp.ner.transformer_backend import (  # noqa: E402
    CLS,
    MASK,
    PAD,
    SEP,
    SPECIALS,
    BioDecoder,
    CharVocab,
    TransformerNerBackend,
    bio_labels,
    bio_to_spans,
    normalize_char,
    spans_to_bio,
    windows,
)

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"  # ignored: corpus, checkpoints, metrics
PACKAGE = HERE / "package"
SHINGLE = 16
CJK = re.compile(r"[\u4e00-\u9fff]")
SENT_END = re.compile(r"(?<=[。！？；])")
# Tag layers: victims and suspects nest inside stolen items and places (被害人王某某的手机), so persons get their own
# BIO layer beside the rest, as the spaCy backend's two pipelines do.
PERSON_LABELS = ("NHCS", "NHVI")


def pick_device(name: str, threads: int) -> torch.device:
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cpu":
        torch.set_num_threads(threads)
    return torch.device(name)


def autocast(device: torch.device) -> Any:
    return torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)  # noqa: T201 - training progress


def spans_of(record: dict[str, Any]) -> list[Span]:
    return [Span(e["label"], int(e["start"]), int(e["end"])) for e in record["entities"]]


# --- raw text -----------------------------------------------------------------------------------------------------


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def raw_sentences() -> list[str]:
    texts: list[str] = []
    for pattern in ("judgments/*.jsonl", "judgment_prediction/*.jsonl", "events/*.jsonl", "misc/*.jsonl"):
        for path in sorted(SHARED_DATA.glob(pattern)):
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    texts += [s for s in _strings(json.loads(line)) if len(CJK.findall(s)) >= 10]
    for path in sorted((SHARED_DATA / "statutes").glob("*.md")):
        texts += path.read_text(encoding="utf-8").split("\n")
    texts += [r["text"] for split in ("train", "dev") for r in cail2021(split)]
    sentences = [s.strip() for t in texts for s in SENT_END.split(t)]
    return [s for s in sentences if len(CJK.findall(s)) >= 5]


def cmd_corpus(args: argparse.Namespace) -> None:
    test = [r["text"] for r in cail2021("test")]
    banned = {t[i : i + SHINGLE] for t in test for i in range(max(1, len(t) - SHINGLE + 1))}
    seen: set[str] = set()
    kept: list[str] = []
    dropped = 0
    for s in raw_sentences():
        if s in seen:
            continue
        seen.add(s)
        if any(s[i : i + SHINGLE] in banned for i in range(max(1, len(s) - SHINGLE + 1))):
            dropped += 1
            continue
        kept.append(s)
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "mlm.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    chars = sum(len(s) for s in kept)
    log(f"MLM corpus: {len(kept)} unique sentences, {chars} chars; {dropped} dropped for overlap with CAIL test")


def cmd_vocab(args: argparse.Namespace) -> None:
    counts: Counter[str] = Counter()
    for line in (WORK / "mlm.txt").open(encoding="utf-8"):
        counts.update(line.rstrip("\n"))
    norm: Counter[str] = Counter()  # through the same normalisation the model applies at run time
    for c, n in counts.items():
        norm[normalize_char(c)] += n
    tokens = [c for c, n in norm.most_common() if n >= args.min_count and c not in SPECIALS][: args.max_size]
    vocab = CharVocab([*SPECIALS, *tokens])
    vocab.save(WORK / "vocab.txt")
    total = sum(norm.values())
    covered = sum(norm[c] for c in tokens)
    log(f"vocab: {len(vocab)} tokens (min count {args.min_count}), covering {covered / total:.4%} of corpus chars")


# --- MLM pretraining ----------------------------------------------------------------------------------------------


def bert_config(vocab_size: int, args: argparse.Namespace, **extra: Any) -> BertConfig:
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=args.hidden,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        intermediate_size=args.hidden * 4,
        max_position_embeddings=args.max_len,
        type_vocab_size=1,
        pad_token_id=PAD,
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        **extra,
    )


def mlm_blocks(vocab: CharVocab, length: int) -> list[list[int]]:
    """Pack consecutive sentences into blocks of ``length`` - 2 characters (CLS + text + SEP)."""
    ids: list[int] = []
    for line in (WORK / "mlm.txt").open(encoding="utf-8"):
        ids += [*vocab.encode(line.rstrip("\n")), SEP]
    n = length - 2
    return [[CLS, *ids[i : i + n], SEP] for i in range(0, len(ids) - n + 1, n)]


def mask_batch(batch: torch.Tensor, vocab_size: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    labels = batch.clone()
    special = batch < len(SPECIALS)
    dev = batch.device
    chosen = (torch.rand(batch.shape, generator=gen, device=dev) < 0.15) & ~special
    labels[~chosen] = -100
    inputs = batch.clone()
    roll = torch.rand(batch.shape, generator=gen, device=dev)
    inputs[chosen & (roll < 0.8)] = MASK
    rand_ids = torch.randint(len(SPECIALS), vocab_size, batch.shape, generator=gen, device=dev)
    swap = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[swap] = rand_ids[swap]
    return inputs, labels


def lr_at(step: int, total: int, warmup: int, peak: float, progress: float | None = None) -> float:
    """Linear warm-up, then linear decay to zero at ``total`` steps, or earlier when ``progress`` (the share of the
    time budget spent) is further along than the step count."""
    if step < warmup:
        return peak * (step + 1) / warmup
    done = (step - warmup) / max(1, total - warmup)
    if progress is not None:
        done = max(done, progress)
    return peak * max(0.0, 1.0 - done)


def cmd_pretrain(args: argparse.Namespace) -> None:
    device = pick_device(args.device, args.threads)
    torch.manual_seed(args.seed)
    gen = torch.Generator(device=device).manual_seed(args.seed)
    vocab = CharVocab.load(WORK / "vocab.txt")
    blocks = torch.tensor(mlm_blocks(vocab, args.seq_len), device=device)
    model = BertForMaskedLM(bert_config(len(vocab), args)).to(device)
    n_params = sum(p.numel() for p in model.parameters())
    log(f"MLM: {len(blocks)} blocks of {args.seq_len}, model {n_params / 1e6:.2f}M params, {args.steps} steps planned")
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    model.train()
    start = time.time()
    history: list[dict[str, float]] = []
    run_loss, step = 0.0, 0
    budget = args.max_minutes * 60
    for step in range(args.steps):
        elapsed = time.time() - start
        if elapsed > budget:
            log(f"time budget reached at step {step}")
            break
        for group in opt.param_groups:
            group["lr"] = lr_at(step, args.steps, args.warmup, args.lr, elapsed / budget)
        idx = torch.randint(len(blocks), (args.batch,), generator=gen, device=device)
        inputs, labels = mask_batch(blocks[idx], len(vocab), gen)
        # The vocabulary head only on the masked positions: a quarter of the step's arithmetic saved.
        with autocast(device):
            hidden = model.bert(input_ids=inputs).last_hidden_state
            chosen = labels != -100
            logits = model.cls(hidden[chosen])
        loss = torch.nn.functional.cross_entropy(logits.float(), labels[chosen])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()
        run_loss += loss.item()
        if (step + 1) % args.log_every == 0:
            history.append({"step": step + 1, "loss": run_loss / args.log_every, "minutes": (time.time() - start) / 60})
            log(f"step {step + 1} loss {run_loss / args.log_every:.3f} ({(time.time() - start) / 60:.1f} min)")
            run_loss = 0.0
    else:
        step = args.steps
    out = WORK / "mlm"
    out.mkdir(parents=True, exist_ok=True)
    model.config.to_json_file(str(out / "config.json"))
    state = {
        k: v.detach().cpu().contiguous()
        for k, v in model.state_dict().items()
        if not k.startswith("cls.predictions.decoder")
    }
    save_file(state, str(out / "model.safetensors"))  # the decoder is tied to the word embeddings
    summary = {
        "steps": step,
        "planned_steps": args.steps,
        "batch": args.batch,
        "seq_len": args.seq_len,
        "minutes": (time.time() - start) / 60,
        "device": str(device),
        "params": n_params,
        "history": history,
    }
    (WORK / "mlm_summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    log(f"MLM done: {step} steps in {summary['minutes']:.1f} min")


# --- token classification -----------------------------------------------------------------------------------------


Example = tuple[list[int], list[list[int]]]  # character ids, and per tag layer one tag id per position


def layer_labels(layers: str) -> list[list[str]]:
    """BIO tag sets of the tag layers: "two" (persons, the rest) or "one" (every label in one flat layer)."""
    found = sorted({s.label for r in cail2021("train") for s in spans_of(r)})
    if layers == "one":
        return [bio_labels(found)]
    return [
        bio_labels([x for x in found if x in PERSON_LABELS]),
        bio_labels([x for x in found if x not in PERSON_LABELS]),
    ]


def ner_examples(split: str, vocab: CharVocab, max_chars: int, layers: list[list[str]]) -> list[Example]:
    indexes = [{tag: i for i, tag in enumerate(tags)} for tags in layers]
    out = []
    for r in cail2021(split):  # type: ignore[arg-type]
        spans = spans_of(r)
        per_layer = [
            spans_to_bio(len(r["text"]), [sp for sp in spans if f"B-{sp.label}" in index]) for index in indexes
        ]
        for s, e in windows(r["text"], max_chars):
            ids = [CLS, *vocab.encode(r["text"][s:e]), SEP]
            tag_ids = []
            for tags, index in zip(per_layer, indexes, strict=True):
                piece = tags[s:e]
                if piece and piece[0].startswith("I-"):
                    piece[0] = "B-" + piece[0][2:]  # an entity cut by the window boundary restarts here
                tag_ids.append([-100, *(index[t] for t in piece), -100])
            out.append((ids, tag_ids))
    return out


def batches(examples: list[Example], size: int, rng: random.Random) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """Length-sorted batches in shuffled order; labels are [batch, positions, layers]."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]) + rng.random())
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    out = []
    n_layers = len(examples[0][1])
    for g in groups:
        width = max(len(examples[i][0]) for i in g)
        ids = torch.full((len(g), width), PAD, dtype=torch.long)
        labels = torch.full((len(g), width, n_layers), -100, dtype=torch.long)
        for row, i in enumerate(g):
            ids[row, : len(examples[i][0])] = torch.tensor(examples[i][0])
            for layer, tags in enumerate(examples[i][1]):
                labels[row, : len(tags), layer] = torch.tensor(tags)
        out.append((ids, labels))
    return out


def layer_loss(logits: torch.Tensor, labels: torch.Tensor, layers: list[list[str]]) -> torch.Tensor:
    loss = logits.new_zeros((), dtype=torch.float32)
    offset = 0
    for layer, tags in enumerate(layers):
        part = logits[..., offset : offset + len(tags)].float()
        offset += len(tags)
        loss = loss + torch.nn.functional.cross_entropy(part.reshape(-1, len(tags)), labels[..., layer].reshape(-1))
    return loss


def dev_f1(
    model: BertForTokenClassification, dev: list[Example], layers: list[list[str]], device: torch.device
) -> float:
    """Strict micro F1 on dev, decoded as at run time (BIO-constrained Viterbi per layer)."""
    model.eval()
    decoders = [BioDecoder(tags) for tags in layers]
    gold, pred = [], []
    with torch.inference_mode():
        for ids, lab in batches(dev, 64, random.Random(0)):
            with autocast(device):
                logits = model(input_ids=ids.to(device), attention_mask=(ids != PAD).long().to(device)).logits
            logits = logits.float().cpu()
            for row in range(len(ids)):
                keep = lab[row, :, 0] != -100
                g: list[Span] = []
                p: list[Span] = []
                offset = 0
                for layer, decoder in enumerate(decoders):
                    logp = torch.log_softmax(logits[row, keep, offset : offset + len(decoder.tags)], -1)
                    offset += len(decoder.tags)
                    g += bio_to_spans([decoder.tags[t] for t in lab[row, keep, layer].tolist()])
                    p += bio_to_spans(decoder.viterbi(logp))
                gold.append(g)
                pred.append(p)
    model.train()
    return float(score(gold, pred)["micro"]["f1"])


def cmd_finetune(args: argparse.Namespace) -> None:
    device = pick_device(args.device, args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    vocab = CharVocab.load(WORK / "vocab.txt")
    layers = layer_labels(args.tag_layers)
    labels = [tag for tags in layers for tag in tags]  # side by side in the logits
    mlm_dir = WORK / "mlm"
    if args.from_scratch:
        config = bert_config(len(vocab), args)
    else:
        config = BertConfig.from_json_file(str(mlm_dir / "config.json"))
    config.num_labels = len(labels)
    config.id2label = dict(enumerate(labels))
    config.label2id = {f"{tag}@{i}": i for i, tag in enumerate(labels)}  # a tag name can be in two layers (O)
    config.tag_layers = layers
    model = BertForTokenClassification(config)
    if not args.from_scratch:
        state = load_file(str(mlm_dir / "model.safetensors"))
        encoder = {k: v for k, v in state.items() if k.startswith("bert.")}
        missing, _ = model.load_state_dict(encoder, strict=False)
        log(f"encoder from MLM checkpoint; freshly initialised: {missing}")
    model.to(device)
    max_chars = config.max_position_embeddings - 2
    train = ner_examples("train", vocab, max_chars, layers)[: args.limit or None]
    dev = ner_examples("dev", vocab, max_chars, layers)[: args.limit or None]
    steps_per_epoch = math.ceil(len(train) / args.batch)
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    log(
        f"fine-tune on {device}: {len(train)} train / {len(dev)} dev pieces, tag layers {[len(t) for t in layers]}, "
        f"up to {args.epochs} epochs"
    )
    start = time.time()
    best, best_epoch, step, bad = -1.0, 0, 0, 0
    history = []
    out = WORK / (args.name or ("ner_scratch" if args.from_scratch else "ner"))
    out.mkdir(parents=True, exist_ok=True)
    model.train()
    for epoch in range(1, args.epochs + 1):
        loss_sum = 0.0
        epoch_batches = batches(train, args.batch, rng)
        for ids, lab in epoch_batches:
            for group in opt.param_groups:
                group["lr"] = lr_at(step, total, steps_per_epoch // 2, args.lr)
            ids, lab = ids.to(device), lab.to(device)
            with autocast(device):
                logits = model(input_ids=ids, attention_mask=(ids != PAD).long()).logits
            loss = layer_loss(logits, lab, layers)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            loss_sum += loss.item()
            step += 1
        f1 = dev_f1(model, dev, layers, device)
        minutes = (time.time() - start) / 60
        history.append({"epoch": epoch, "loss": loss_sum / len(epoch_batches), "dev_f1": f1, "minutes": minutes})
        log(f"epoch {epoch} loss {loss_sum / len(epoch_batches):.4f} dev strict F1 {f1:.4f} ({minutes:.1f} min)")
        if f1 > best:
            best, best_epoch, bad = f1, epoch, 0
            model.config.to_json_file(str(out / "config.json"))
            state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
            save_file(state, str(out / "model.safetensors"))
        else:
            bad += 1
        if bad >= args.patience:
            log("early stop: dev F1 did not improve")
            break
        if minutes * (epoch + 1) / epoch > args.max_minutes:
            log("time budget: another epoch would pass it")
            break
    summary = {
        "best_dev_f1": best,
        "best_epoch": best_epoch,
        "minutes": (time.time() - start) / 60,
        "device": str(device),
        "tag_layers": [len(t) for t in layers],
        "history": history,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    log(f"best dev F1 {best:.4f} at epoch {best_epoch}")


# --- packaging and evaluation -------------------------------------------------------------------------------------


def cmd_package(args: argparse.Namespace) -> None:
    src = WORK / args.src
    package = Path(args.package)
    package.mkdir(parents=True, exist_ok=True)
    config = BertConfig.from_json_file(str(src / "config.json"))
    config.to_json_file(str(package / "config.json"))
    state = load_file(str(src / "model.safetensors"))
    # Half precision halves the file; weights are cast back to float32 at load (scores checked by `evaluate`).
    half = {k: v.half().contiguous() for k, v in state.items() if not k.startswith("bert.pooler")}
    save_file(half, str(package / "model.safetensors"))
    CharVocab.load(WORK / "vocab.txt").save(package / "vocab.txt")
    mlm_path = WORK / "mlm_summary.json"  # absent for a --from-scratch run (the ablation without MLM)
    mlm = json.loads(mlm_path.read_text(encoding="utf-8")) if mlm_path.is_file() else {"steps": 0, "history": []}
    ner = json.loads((src / "summary.json").read_text(encoding="utf-8"))
    meta = {
        "version": args.version,
        "built": time.strftime("%Y-%m-%d"),
        "data": "CAIL2021 theft NER train split (corpora/splits.py), dev for early stopping",
        "mlm_steps": mlm["steps"],
        "mlm_final_loss": mlm["history"][-1]["loss"] if mlm["history"] else None,
        "best_dev_f1": ner["best_dev_f1"],
        "best_epoch": ner["best_epoch"],
        "decode": "viterbi",  # BIO-constrained Viterbi per tag layer; dev F1 (which picks the epoch) is scored so
        "mlm_device": mlm.get("device", "cpu"),
        "mlm_minutes": round(mlm.get("minutes", 0.0), 1),
        "tag_layers": ner.get("tag_layers", [1]),
    }
    (package / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in package.iterdir())
    log(f"package: {package} ({size / 1e6:.1f} MB)")


def cmd_evaluate(args: argparse.Namespace) -> None:
    torch.set_num_threads(1)
    records = cail2021(args.split)[: args.limit or None]
    texts = [r["text"] for r in records]
    gold = [sorted(spans_of(r), key=lambda s: (s.start, s.end)) for r in records]
    backend = TransformerNerBackend(args.package, decode=args.decode or None)
    backend.predict(texts[:32])  # warm-up
    start = time.perf_counter()
    pred = backend.predict(texts)
    seconds = time.perf_counter() - start
    scores = score(gold, pred)
    result = {
        "split": args.split,
        "sentences": len(texts),
        "chars": sum(map(len, texts)),
        "seconds": seconds,
        "chars_per_s": sum(map(len, texts)) / seconds,
        "threads": torch.get_num_threads(),
        "scores": scores,
    }
    WORK.mkdir(parents=True, exist_ok=True)
    out = Path(args.out) if args.out else WORK / f"eval_{args.split}.json"
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    for lab, s in [*scores["per_type"].items(), ("ALL", scores["micro"])]:
        log(f"{lab:5s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} (n={s['gold']})")
    log(f"{len(texts)} sentences, {result['chars_per_s']:.0f} chars/s on 1 thread")


def cmd_compare(args: argparse.Namespace) -> None:
    """Both backends through models/ner/evaluate.py (the spaCy project's scorer) in one process, so accuracy and
    speed come from the same scorer, data and machine load."""
    import importlib.util

    torch.set_num_threads(1)
    spec = importlib.util.spec_from_file_location("ner_evaluate", ROOT / "models" / "ner" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    results = {}
    for name in ("spacy", "transformers", "spacy-again"):
        backend = TransformerNerBackend(args.package) if name == "transformers" else None
        results[name] = evaluate.evaluate_cail(args.split, backend=backend)
        micro = results[name]["micro"]
        log(
            f"{name}: micro P {micro['precision']} R {micro['recall']} F1 {micro['f1']}, "
            f"{results[name]['chars_per_s']} chars/s"
        )
    WORK.mkdir(parents=True, exist_ok=True)
    out = WORK / f"compare_{args.split}.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    log(f"written {out}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("corpus")
    p = sub.add_parser("vocab")
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--max-size", type=int, default=6000)
    for name in ("pretrain", "finetune"):
        p = sub.add_parser(name)
        p.add_argument("--device", default="cpu", help="cpu, cuda or auto")
        p.add_argument("--threads", type=int, default=1, help="CPU threads (the build machine is shared)")
        p.add_argument("--layers", type=int, default=4)
        p.add_argument("--hidden", type=int, default=256)
        p.add_argument("--heads", type=int, default=4)
        p.add_argument("--max-len", type=int, default=256)
        p.add_argument("--seed", type=int, default=13)
    p = sub.choices["pretrain"]
    p.add_argument("--seq-len", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--steps", type=int, default=420)
    p.add_argument("--warmup", type=int, default=40)
    p.add_argument("--lr", type=float, default=7e-4)
    p.add_argument("--max-minutes", type=float, default=28)
    p.add_argument("--log-every", type=int, default=20)
    p = sub.choices["finetune"]
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--patience", type=int, default=3)
    p.add_argument("--max-minutes", type=float, default=20)
    p.add_argument("--from-scratch", action="store_true", help="ablation: no MLM initialisation")
    p.add_argument("--tag-layers", default="two", choices=["two", "one"], help="persons in their own layer, or flat")
    p.add_argument("--name", default="", help="output folder under the work folder (default ner, or ner_scratch)")
    p.add_argument("--limit", type=int, default=0, help="use only the first N train/dev pieces (smoke tests)")
    p = sub.add_parser("package")
    p.add_argument("--version", default="1.0.0")
    p.add_argument("--src", default="ner", help="the fine-tuned run under the work folder to package")
    p.add_argument("--package", default=str(PACKAGE))
    p = sub.add_parser("evaluate")
    p.add_argument("--split", default="test", choices=["dev", "test"])
    p.add_argument("--package", default=str(PACKAGE))
    p.add_argument("--limit", type=int, default=0, help="evaluate only the first N sentences (smoke tests)")
    p.add_argument("--decode", default="", choices=["", "viterbi", "argmax"], help="default: the package's meta")
    p.add_argument("--out", default="")
    p = sub.add_parser("compare")
    p.add_argument("--split", default="test", choices=["dev", "test"])
    p.add_argument("--package", default=str(PACKAGE))
    parser.add_argument("--work", default=str(HERE / "work"), help="scratch folder for corpus, checkpoints and metrics")
    args = parser.parse_args(argv)
    global WORK
    WORK = Path(args.work)
    {
        "corpus": cmd_corpus,
        "vocab": cmd_vocab,
        "pretrain": cmd_pretrain,
        "finetune": cmd_finetune,
        "package": cmd_package,
        "evaluate": cmd_evaluate,
        "compare": cmd_compare,
    }[args.cmd](args)


if __name__ == "__main__":
    main()
