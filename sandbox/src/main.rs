//! The `ziggeo-sandbox` command: runs the sandbox until SIGINT or SIGTERM.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use ziggeo_sandbox::{Error, Server, DEMO_APP_TOKEN, DEMO_PRIVATE_KEY};

/// Exit status for a bad command line or configuration, as clap uses.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let config = cli.into_config();

    // Failed deliveries are warnings; tests cause them on purpose and read
    // the outcomes from GET /_sandbox/webhooks, so --quiet hides them too.
    let max_level = if config.quiet {
        tracing::Level::ERROR
    } else {
        tracing::Level::INFO
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(max_level)
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .init();

    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: failed to start the tokio runtime: {error}");
            return ExitCode::FAILURE;
        }
    };

    let uses_demo_app = config.apps.is_empty();
    let result = runtime.block_on(async move {
        let shutdown = match shutdown_signal() {
            Ok(shutdown) => shutdown,
            Err(error) => {
                eprintln!("error: failed to install the signal handlers: {error}");
                return Ok(false);
            }
        };
        let server = Server::bind(config).await?;
        announce(&server.base_url(), uses_demo_app);
        server.serve(shutdown).await;
        Ok::<bool, Error>(true)
    });
    runtime.shutdown_timeout(Duration::from_secs(1));

    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            match error {
                Error::NonLoopbackListen(_) | Error::InvalidApp { .. } => ExitCode::from(EXIT_USAGE),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

/// Prints the address line that scripts wait for, and the demo pair when it is in use.
fn announce(base_url: &str, uses_demo_app: bool) {
    let mut stdout = std::io::stdout().lock();
    // A closed stdout must not stop the server, so write errors are ignored.
    let _ = writeln!(stdout, "listening on {base_url}");
    if uses_demo_app {
        let _ = writeln!(
            stdout,
            "demo application: token {DEMO_APP_TOKEN}, private key {DEMO_PRIVATE_KEY}"
        );
    }
    let _ = stdout.flush();
}

/// Installs the SIGINT and SIGTERM handlers now, so that a signal sent right
/// after the address line is seen, and returns a future that completes on either.
#[cfg(unix)]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};

    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => tracing::info!("received SIGINT, stopping"),
            _ = terminate.recv() => tracing::info!("received SIGTERM, stopping"),
        }
    })
}

/// Returns a future that completes on Ctrl-C.
#[cfg(not(unix))]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        if tokio::signal::ctrl_c().await.is_ok() {
            tracing::info!("received Ctrl-C, stopping");
        }
    })
}
