"""Elementwise ops on every backend against the numpy backend, and their gradients."""
import pytest

from harness import ALL, BOOL, COMPLEX, FLOATS, INTS, NUMERIC, REAL, Spec, binary, check_grad, check_spec, unary

SPECS = {
    "add": Spec(binary(), NUMERIC, grad=(0, 1)),
    "subtract": Spec(binary(), NUMERIC, grad=(0, 1)),
    "multiply": Spec(binary(), NUMERIC, grad=(0, 1)),
    "exp": Spec(unary(hi=5), FLOATS + COMPLEX, grad=(0,)),
    "equal": Spec(binary(), ALL),
    "negative": Spec(unary(), NUMERIC, grad=(0,)),
    "conj": Spec(unary(), NUMERIC, grad=(0,)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])
