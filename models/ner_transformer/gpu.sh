#!/usr/bin/env bash
# The GPU recipe of the transformers NER backend (one short session on a lent GPU; CPU-only machines use the
# Makefile). Two encoder sizes pretrain side by side on one GPU (MLM on the raw legal text), each is fine-tuned at two
# learning rates side by side, and the run with the best *dev* F1 per size is packaged and scored on the test blocks.
#
#   JUANSHEN_SHARED_DATA=<folder with ner/cail2021_xxcq_theft_ner.jsonl> WORK_IN=<folder with mlm.txt (or .gz), vocab.txt>
#   OUT=<results folder> MLM_MINUTES=4.5 FT_MINUTES=2 bash models/ner_transformer/gpu.sh
#
# mlm.txt and vocab.txt come from `make -C models/ner_transformer vocab` on a machine that has ../shared/data (the
# CAIL2021 test sentences are already left out of mlm.txt there). Results: $OUT/<size>.tar (package + eval JSON +
# training summaries) and $OUT/log.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
TRAIN="$PY models/ner_transformer/train.py"
: "${JUANSHEN_SHARED_DATA:?}" "${WORK_IN:?}" "${OUT:?}"
MLM_MINUTES=${MLM_MINUTES:-4.5}
FT_MINUTES=${FT_MINUTES:-2}
VERSION=${VERSION:-1.1.0}
DEVICE=${DEVICE:-cuda}  # DEVICE=cpu FT_LIMIT=40 with tiny minutes: a smoke test of this script on a CPU machine
FT_LIMIT=${FT_LIMIT:-0}
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=2

size() {  # name layers hidden heads mlm_lr
  local name=$1 layers=$2 hidden=$3 heads=$4 lr=$5 w=/tmp/work_$1
  mkdir -p "$w" && cp "$WORK_IN"/vocab.txt "$w"/
  if [ -f "$WORK_IN/mlm.txt" ]; then cp "$WORK_IN/mlm.txt" "$w"/; else gunzip -c "$WORK_IN/mlm.txt.gz" >"$w/mlm.txt"; fi
  local arch=(--layers "$layers" --hidden "$hidden" --heads "$heads" --device "$DEVICE")
  $TRAIN --work "$w" pretrain "${arch[@]}" --batch 256 --seq-len 128 --steps 200000 --warmup 300 --lr "$lr" \
    --max-minutes "$MLM_MINUTES" --log-every 500 >"$w/pretrain.log" 2>&1 || { echo "$name pretrain failed"; return; }
  for ft in 1e-4 3e-4; do
    $TRAIN --work "$w" finetune "${arch[@]}" --batch 32 --epochs 60 --lr "$ft" --patience 8 \
      --max-minutes "$FT_MINUTES" --limit "$FT_LIMIT" --name "ner_$ft" >"$w/finetune_$ft.log" 2>&1 &
  done
  wait
  local best
  best=$($PY - "$w" <<'EOF'
import json, sys
from pathlib import Path
runs = [(json.loads(p.read_text())["best_dev_f1"], p.parent.name) for p in Path(sys.argv[1]).glob("ner_*/summary.json")]
print(max(runs)[1] if runs else "")
EOF
)
  [ -n "$best" ] || { echo "$name fine-tune failed"; return; }
  $TRAIN --work "$w" package --src "$best" --package "$w/package" --version "$VERSION" >"$w/package.log" 2>&1
  $TRAIN --work "$w" evaluate --split test --package "$w/package" --out "$w/eval_test.json" >"$w/eval.log" 2>&1
  echo "$name: chose $best"
}

nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null
size l4h256 4 256 4 8e-4 &
size l8h256 8 256 4 6e-4 &
wait
for w in /tmp/work_*; do
  name=${w#/tmp/work_}
  cat "$w"/*.log >>"$OUT/log.txt" 2>/dev/null
  (cd "$w" && tar cf "$OUT/$name.tar" package eval_test.json mlm_summary.json ner_*/summary.json *.log 2>/dev/null)
done
tail -n 40 "$OUT/log.txt"
