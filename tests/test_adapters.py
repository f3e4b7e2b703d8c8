"""The adapters around other libraries' internals: each still matches the installed library, names the version
it was written for (the one requirements-lock.txt pins), and fails with a message naming it when that changes."""

import re

import pytest
from jupyter_client.asynchronous.client import AsyncKernelClient

from aicloud import adapters, layout
from aicloud.adapters import kernel_client, sphinx_build

ADAPTERS = [kernel_client, sphinx_build]


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda m: m.__name__)
def test_the_installed_library_still_offers_what_the_adapter_relies_on(adapter):
    adapter.check()  # raises AdapterError naming the pinned version otherwise


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda m: m.__name__)
def test_the_pinned_versions_are_the_locked_ones(adapter):
    lock = (layout.ROOT / "requirements-lock.txt").read_text(encoding="utf-8").lower()
    pins = re.findall(r"[a-z0-9_.-]+==[0-9a-z.]+", adapter.PINNED.lower())
    assert pins and all(pin in lock.splitlines() for pin in pins), (adapter.PINNED, pins)


def test_a_removed_private_method_fails_with_the_pinned_version(monkeypatch):
    owner = next(k for k in AsyncKernelClient.__mro__ if "_handle_kernel_info_reply" in vars(k))
    monkeypatch.delattr(owner, "_handle_kernel_info_reply")
    with pytest.raises(adapters.AdapterError, match=r"_handle_kernel_info_reply.*jupyter_client==8\.10\.0"):
        kernel_client.check()


def test_a_changed_signature_fails_naming_what_changed(monkeypatch):
    from jupyter_client.manager import AsyncKernelManager

    async def changed(self, timeout=None, interval=0.1):
        pass

    monkeypatch.setattr(AsyncKernelManager, "_async_finish_shutdown", changed)
    with pytest.raises(adapters.AdapterError, match=r"\('waittime', 'pollinterval', 'restart'\) as in jupyter_client"):
        kernel_client.check()


def test_a_changed_jupyter_book_call_fails_with_its_pinned_version(monkeypatch):
    from jupyter_book import sphinx

    monkeypatch.setattr(sphinx, "build_sphinx", lambda source, output, **kw: 0)
    with pytest.raises(adapters.AdapterError, match=r"build_sphinx.*jupyter-book==1\.0\.4\.post1"):
        sphinx_build.check()
