# The Python binding (bindings/python): its pytest suite, the parity check
# against the official Python SDK, and a wheel with the library bundled.
#
#   make test-python    run the suite and the parity check
#   make python-wheel   build build/python-dist/libziggeo-*.whl
#   make deps-parity    the Python with ziggeo==2.30 that tests/parity/check.sh uses

PYTHON ?= python3
PY_DIR := bindings/python
PY_VENV := $(BUILD)/venv-python
PARITY_VENV := $(BUILD)/venv-parity
PY_WHEEL_DIR := $(BUILD)/python-dist

.PHONY: test-python python-wheel deps-python deps-parity deps-python-toolchain

TEST_TARGETS += test-python

test-python: lib sandbox deps-python deps-parity
	cd $(PY_DIR) && $(ROOT)/$(PY_VENV)/bin/python -m pytest -q
	PYTHONPATH=$(ROOT)/$(PY_DIR) \
		tests/parity/check.sh $(ROOT)/$(PY_VENV)/bin/python $(PY_DIR)/tests/parity_client.py

python-wheel: lib deps-python
	rm -rf $(PY_DIR)/build
	$(PY_VENV)/bin/pip wheel -q --no-build-isolation --no-deps -w $(PY_WHEEL_DIR) ./$(PY_DIR)
	@ls $(PY_WHEEL_DIR)/libziggeo-*.whl

# python3 with venv and pip; Debian 12 splits venv support into python3-venv.
deps-python-toolchain:
	@command -v $(PYTHON) >/dev/null && $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		apt-get update -qq && apt-get install -y -qq python3 python3-venv python3-pip; }

deps-python: $(PY_VENV)/.installed
$(PY_VENV)/.installed: | deps-python-toolchain
	$(PYTHON) -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install -q --upgrade pip
	$(PY_VENV)/bin/pip install -q "pytest>=7" setuptools wheel
	touch $@

deps-parity: $(PARITY_VENV)/.installed
$(PARITY_VENV)/.installed: | deps-python-toolchain
	$(PYTHON) -m venv $(PARITY_VENV)
	$(PARITY_VENV)/bin/pip install -q ziggeo==2.30
	touch $@
