# Set-up is part of every target: a fresh clone needs only `make review` or `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
SAMPLE ?= corpora/samples/criminal_theft

.PHONY: setup review serve test lint samples schema corpus-sample eval-500 ner charge doctype-model

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,transformers]'  # torch 2.13.0: the CPU wheel (pyproject)
	$(PY) -m pip install -q --no-deps 'rapidocr-onnxruntime==1.4.4'
	touch $@

setup: $(VENV)/.installed

## Review the bundled sample case file and print the findings (SAMPLE=path to review another).
review: setup
	$(VENV)/bin/juanshen review $(SAMPLE)

## Start the API on http://127.0.0.1:8000 (OpenAPI docs at /docs).
serve: setup
	$(VENV)/bin/juanshen serve

## Lint, then run the test suite (slow model-training tests are skipped; add PYTEST_ARGS=--slow to run them).
test: setup lint
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check nlp api corpora tests scripts
	$(VENV)/bin/ruff format --check nlp api corpora tests scripts

## Rebuild the hand-made sample case files and the report JSON Schema.
samples: setup
	$(PY) corpora/samples/build_samples.py

schema: setup
	$(PY) -m nlp.report > docs/report.schema.json

## Rebuild the small generated corpus committed for the fast tests (16 cases, one of each type).
corpus-sample: setup
	rm -rf corpora/samples/generated
	$(VENV)/bin/juanshen corpus generate --cases 16 --seed 2026 --out corpora/samples/generated \
		--formats docx=0.25,pdf=0.45,txt=0.25,scanned_pdf=0.05

## The docs/QUALITY.md corpus figures: a fresh 500-case corpus (seed 500), then its evaluation.
eval-500: setup
	rm -rf corpora/generated/seed500
	$(VENV)/bin/juanshen corpus generate --cases 500 --seed 500 --out corpora/generated/seed500
	$(VENV)/bin/juanshen eval corpora/generated/seed500 --out corpora/generated/seed500.eval.json

## Train the charge classifier on CAIL2018 (needs ../shared/data) and evaluate it once on the test split.
charge: setup
	OMP_NUM_THREADS=1 $(PY) models/charge/train.py final

## Train the document-type fallback on a generated corpus (seed 11), evaluate on another (seed 12) and the forms.
doctype-model: setup
	rm -rf corpora/generated/doctype-train corpora/generated/doctype-heldout
	$(VENV)/bin/juanshen corpus generate --cases 80 --seed 11 --out corpora/generated/doctype-train \
		--formats txt=1.0 --combined-share 0 --zip-share 0
	$(VENV)/bin/juanshen corpus generate --cases 40 --seed 12 --out corpora/generated/doctype-heldout \
		--formats txt=1.0 --combined-share 0 --zip-share 0
	OMP_NUM_THREADS=1 $(PY) models/doctype/train.py train --corpus corpora/generated/doctype-train
	OMP_NUM_THREADS=1 $(PY) models/doctype/train.py evaluate --corpus corpora/generated/doctype-heldout \
		--forms ../shared/data/police_forms

## Train the NER layers and package them (models/ner/README.md; reads ../shared/data; about 1 h on 2 cores).
ner: setup
	$(MAKE) -C models/ner all PY=$(abspath $(PY))
