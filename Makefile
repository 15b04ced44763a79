# The whole set-up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-deep bench support clean conformance

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch must be spelled exactly torch==2.13.0 (the local CPU wheel).
	$(BIN)/pip install -q torch==2.13.0 tensorflow-cpu jax
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python examples/demo_backends.py
	$(BIN)/python examples/demo_unify_run.py

RESULTS := tests/results
# Tests that install import hooks (unify.install / unify run) run in a process of their own:
# they replace modules in sys.modules and must not meet state other tests leave behind.
HOOK_TESTS := tests/core/test_install.py tests/frontends/test_versions.py tests/acceptance

test: $(STAMP)
	rm -rf $(RESULTS) && mkdir -p $(RESULTS)
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -n 2 \
	    --junitxml=$(RESULTS)/junit.xml tests $(HOOK_TESTS:%=--ignore=%); status=$$?; \
	    HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -p no:xdist \
	    --junitxml=$(RESULTS)/junit-hook.xml \
	    $(HOOK_TESTS) || status=1; \
	    $(BIN)/python scripts/support_table.py; $(BIN)/python scripts/support_numpy.py; \
	    $(BIN)/python scripts/support_torch.py --out $(RESULTS)/torch-ci.md; \
	    $(BIN)/python scripts/support_torch_nn.py; \
	    exit $$status

test-deep: $(STAMP)
	rm -rf $(RESULTS) && mkdir -p $(RESULTS)
	HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest -q -n auto --junitxml=$(RESULTS)/junit.xml tests

support:
	$(BIN)/python scripts/support_table.py
	$(BIN)/python scripts/support_numpy.py
	$(BIN)/python scripts/support_torch.py
	$(BIN)/python scripts/support_torch_nn.py

# PyTorch's OpInfo corpus, every sample, on every backend (slow): writes
# tests/results/opinfo.jsonl and docs/support/torch.md. Known-failure lists:
# `$(BIN)/python tests/frontends/torch/test_opinfo.py --update-known-failures --from-results`.
conformance: $(STAMP)
	mkdir -p $(RESULTS)
	TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/python tests/frontends/torch/test_opinfo.py --jobs 2
	$(BIN)/python scripts/support_torch.py

bench: $(STAMP)
	$(BIN)/python benchmarks/overhead.py

clean:
	rm -rf $(VENV) build *.egg-info
