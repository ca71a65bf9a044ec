import pytest
from django.core.exceptions import ImproperlyConfigured

from inducult.env import env_bool, env_choice, env_int, env_list


def test_env_bool_accepts_common_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env_bool("X_FLAG", True) is False


def test_env_bool_rejects_garbage_naming_the_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe' is not a boolean"):
        env_bool("X_FLAG", False)


def test_env_int_enforces_bounds(monkeypatch):
    monkeypatch.setenv("X_PORT", "70000")
    with pytest.raises(ImproperlyConfigured, match="above the maximum 65535"):
        env_int("X_PORT", 25, minimum=1, maximum=65535)
    monkeypatch.setenv("X_PORT", "abc")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("X_PORT", 25)


def test_env_int_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_PORT", raising=False)
    assert env_int("X_PORT", 25) == 25


def test_env_list_and_choice(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("X_MODE", "fast")
    with pytest.raises(ImproperlyConfigured, match="not one of: slow, safe"):
        env_choice("X_MODE", "slow", ["slow", "safe"])
