//! The listening socket, the accept loop and the per-connection HTTP/1.1 driver.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

use crate::config::Config;
use crate::error::Error;
use crate::state::AppState;
use crate::{routes, tls};

/// Time that open connections get to finish their request after shutdown starts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);
/// Time a client gets to finish the TLS handshake or send a request head.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// A bound sandbox server, ready to [`serve`](Server::serve). Use it from async
/// code; [`Sandbox`](crate::Sandbox) wraps it for blocking code.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    tls: Option<TlsAcceptor>,
    state: Arc<AppState>,
}

/// Per-connection switches that a handler flips to shape the connection's end.
#[derive(Default)]
pub(crate) struct ConnectionControl {
    close: Notify,
    hanging: AtomicBool,
}

impl ConnectionControl {
    /// Closes the connection at once, without writing anything more.
    pub(crate) fn close_now(&self) {
        self.close.notify_one();
    }

    /// Marks the connection as held on purpose, so shutdown closes it without waiting.
    pub(crate) fn mark_hanging(&self) {
        self.hanging.store(true, Ordering::SeqCst);
    }
}

impl Server {
    /// Checks `config`, prepares TLS and binds the listening socket.
    pub async fn bind(config: Config) -> Result<Server, Error> {
        if !config.listen.ip().is_loopback() {
            return Err(Error::NonLoopbackListen(config.listen));
        }
        let apps = config.effective_apps();
        if let Some((token, _)) = apps
            .iter()
            .find(|(token, key)| token.is_empty() || key.is_empty() || token.contains(':'))
        {
            return Err(Error::InvalidApp { token: token.clone() });
        }
        let tls = config.tls.as_ref().map(tls::acceptor).transpose()?;
        let listener = TcpListener::bind(config.listen).await.map_err(|source| Error::Bind {
            addr: config.listen,
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| Error::Bind {
            addr: config.listen,
            source,
        })?;
        Ok(Server {
            listener,
            addr,
            tls,
            state: Arc::new(AppState::new(apps, config.quiet)),
        })
    }

    /// Returns the address the server listens on, with the port it picked.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Returns `http://ADDR` or `https://ADDR`.
    pub fn base_url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Accepts and serves connections until `shutdown` completes, then gives open
    /// connections 2 s to finish their request before closing them.
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        let (stop_tx, stop_rx) = watch::channel(false);
        let mut connections = JoinSet::new();
        let mut shutdown = std::pin::pin!(shutdown);
        tracing::info!(addr = %self.addr, "sandbox started");

        loop {
            tokio::select! {
                () = &mut shutdown => break,
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, peer)) => {
                        let task = serve_connection(
                            stream,
                            peer,
                            self.tls.clone(),
                            Arc::clone(&self.state),
                            stop_rx.clone(),
                        );
                        connections.spawn(task);
                    }
                    Err(error) => {
                        // Usually too many open files: wait for connections to close.
                        tracing::warn!(%error, "failed to accept a connection");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
            }
        }

        drop(self.listener);
        let _ = stop_tx.send(true);
        let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
            while connections.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            tracing::info!(
                open = connections.len(),
                "closing connections still open after the shutdown grace period"
            );
            connections.shutdown().await;
        }
        tracing::info!(addr = %self.addr, "sandbox stopped");
    }
}

async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    tls: Option<TlsAcceptor>,
    state: Arc<AppState>,
    stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    match tls {
        None => drive_http(stream, state, stop).await,
        Some(acceptor) => match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
            Ok(Ok(tls_stream)) => drive_http(tls_stream, state, stop).await,
            Ok(Err(error)) => tracing::info!(%peer, %error, "TLS handshake failed"),
            Err(_) => tracing::info!(%peer, "TLS handshake timed out"),
        },
    }
}

/// Serves HTTP/1.1 on one connection until the client closes it, a fault
/// closes it, or shutdown.
async fn drive_http<S>(io: S, state: Arc<AppState>, mut stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let control = Arc::new(ConnectionControl::default());
    let service = {
        let control = Arc::clone(&control);
        service_fn(move |request| routes::handle(request, Arc::clone(&state), Arc::clone(&control)))
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(Some(HANDSHAKE_TIMEOUT))
        .keep_alive(true);
    let connection = builder.serve_connection(TokioIo::new(io), service);
    let mut connection = std::pin::pin!(connection);
    let mut stopping = *stop.borrow();
    if stopping {
        return;
    }

    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, "connection ended with an error");
                }
                return;
            }
            () = control.close.notified() => return,
            changed = stop.changed(), if !stopping => {
                stopping = true;
                if changed.is_err() || control.hanging.load(Ordering::SeqCst) {
                    return;
                }
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
