//! The blocking handle: a sandbox on its own thread and tokio runtime.

use std::net::SocketAddr;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::oneshot;

use crate::config::Config;
use crate::error::Error;
use crate::server::Server;

/// Time the runtime gets to finish blocking calls (deliveries) after the
/// server stopped.
const RUNTIME_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(1);

/// A running sandbox. Dropping it stops the server and joins its thread.
pub struct Sandbox {
    addr: SocketAddr,
    base_url: String,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on a background thread and returns once it listens.
    pub fn start(config: Config) -> Result<Sandbox, Error> {
        let (ready_tx, ready_rx) = mpsc::channel::<Result<(SocketAddr, String), Error>>();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();

        let thread = std::thread::Builder::new()
            .name("ziggeo-sandbox".to_owned())
            .spawn(move || run(config, ready_tx, stop_rx))
            .map_err(Error::Runtime)?;

        match ready_rx.recv() {
            Ok(Ok((addr, base_url))) => Ok(Sandbox {
                addr,
                base_url,
                stop: Some(stop_tx),
                thread: Some(thread),
            }),
            Ok(Err(error)) => {
                let _ = thread.join();
                Err(error)
            }
            Err(_) => {
                let _ = thread.join();
                Err(Error::ThreadStopped)
            }
        }
    }

    /// Returns the address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Returns `http://127.0.0.1:PORT`, or `https://…` with TLS.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Stops the server and waits for its thread to end.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

fn run(config: Config, ready: mpsc::Sender<Result<(SocketAddr, String), Error>>, stop: oneshot::Receiver<()>) {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("ziggeo-sandbox-worker")
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let _ = ready.send(Err(Error::Runtime(error)));
            return;
        }
    };

    runtime.block_on(async move {
        let server = match Server::bind(config).await {
            Ok(server) => server,
            Err(error) => {
                let _ = ready.send(Err(error));
                return;
            }
        };
        let _ = ready.send(Ok((server.local_addr(), server.base_url())));
        server
            .serve(async {
                // A dropped sender also means stop.
                let _ = stop.await;
            })
            .await;
    });
    runtime.shutdown_timeout(RUNTIME_SHUTDOWN_TIMEOUT);
}
