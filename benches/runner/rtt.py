"""Per-call latency with 20 ms of emulated round-trip time.

The preferred method is a network namespace that this script creates, with
netem on its loopback device delaying every packet by 10 ms, so that each
round trip, TCP's handshake included, takes 20 ms. The sandbox and each
driver run inside that namespace and talk over its 127.0.0.1, and the
namespace is deleted afterwards. (The sandbox listens only on loopback
addresses, so a veth pair would need a non-loopback address.)

Where netns or netem is not available (the kernel may lack sch_netem), the
fallback is :class:`DelayProxy`, a loopback TCP proxy that delays every
chunk by 10 ms in each direction. It cannot delay TCP's own handshake, which the
kernel completes at once, so a call that opens a new connection shows one
round trip less than it would on a real network: figures for such calls are
lower bounds.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import threading
import time

ONE_WAY_S = 0.010
RTT_MS = 2 * ONE_WAY_S * 1e3


def _ip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)


class NetemNamespace:
    """A network namespace whose loopback delays every packet by ONE_WAY_S; a context manager."""

    def __init__(self) -> None:
        self.name = f"ziggeo-bench-{os.getpid()}"

    @property
    def prefix(self) -> list[str]:
        return ["ip", "netns", "exec", self.name]

    def create(self) -> str | None:
        """Set the namespace up; return None, or why it cannot be (after cleaning up)."""
        if os.geteuid() != 0 or not shutil.which("ip") or not shutil.which("tc"):
            return "needs root and the ip and tc commands (iproute2)"
        added = _ip("netns", "add", self.name)
        if added.returncode != 0:
            return f"ip netns add failed: {added.stderr.strip()}"
        steps = [
            [*self.prefix, "ip", "link", "set", "lo", "up"],
            [*self.prefix, "tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", f"{ONE_WAY_S * 1e3:.0f}ms"],
        ]
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, timeout=30)
            if done.returncode != 0:
                self.delete()
                return f"`{' '.join(step[4:])}` failed: {done.stderr.strip().rstrip('.')}"
        return None

    def delete(self) -> None:
        _ip("netns", "del", self.name)


class DelayProxy:
    """A loopback TCP proxy to `upstream_port` that delays each chunk by ONE_WAY_S each way.

    It runs on its own thread; its port is `port`. Stop it with :meth:`stop`.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(10)

    def _serve(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._connection, "127.0.0.1", 0))
        self.port = self.server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _connection(self, client_reader, client_writer) -> None:
        writers = [client_writer]
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
            writers.append(upstream_writer)
            await asyncio.gather(self._pump(client_reader, upstream_writer),
                                 self._pump(upstream_reader, client_writer), return_exceptions=True)
        except (OSError, asyncio.CancelledError):
            pass  # the sandbox went away, or stop() is closing every connection
        finally:
            for writer in writers:
                writer.close()

    async def _pump(self, reader, writer) -> None:
        """Copy reader to writer, each chunk ONE_WAY_S after it arrived, in order."""
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while (item := await queue.get()) is not None:
                due, data = item
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                writer.write(data)
                await writer.drain()
            await asyncio.sleep(ONE_WAY_S)
            if writer.can_write_eof():
                writer.write_eof()

        delivery = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(65536):
                queue.put_nowait((time.monotonic() + ONE_WAY_S, data))
        except ConnectionError:
            pass
        queue.put_nowait(None)
        await delivery

    def stop(self) -> None:
        """Close the listener and every connection, then end the thread."""

        async def shutdown() -> None:
            self.server.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)
        self.loop.close()
