//! Opt-in log output for hosts that do not install a `log` logger of their
//! own, such as C programs and the language bindings.
//!
//! The core logs through the `log` facade, at debug and trace, and never logs
//! the private key or the `Authorization` header. Nothing is printed unless
//! the host turns it on: set `ZIGGEO_LOG` to `error`, `warn`, `info`, `debug` or
//! `trace` before the first client is built, and lines go to stderr. A Rust
//! host that installed its own logger keeps it; this one is then not used.
//!
//! Dependencies log at most at debug here, even when `ZIGGEO_LOG=trace`,
//! because ureq's trace output is the raw request, `Authorization` included.

use std::io::Write;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

use log::{LevelFilter, Log, Metadata, Record};

/// The environment variable that turns log output on.
pub const LOG_ENV: &str = "ZIGGEO_LOG";

/// Highest level shown for log targets outside libziggeo.
const DEPENDENCY_MAX_LEVEL: LevelFilter = LevelFilter::Debug;

/// A logger that writes one line per record to a writer, such as stderr.
pub struct LineLogger {
    max_level: LevelFilter,
    output: Mutex<Box<dyn Write + Send>>,
}

impl LineLogger {
    /// Creates a logger that shows records up to `max_level` on `output`.
    pub fn new(max_level: LevelFilter, output: Box<dyn Write + Send>) -> Self {
        LineLogger {
            max_level,
            output: Mutex::new(output),
        }
    }
}

impl Log for LineLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        let own = metadata.target().starts_with("ziggeo");
        let ceiling = if own {
            self.max_level
        } else {
            self.max_level.min(DEPENDENCY_MAX_LEVEL)
        };
        metadata.level() <= ceiling
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if let Ok(mut output) = self.output.lock() {
            // A failed write to stderr has nowhere to be reported.
            let _ = writeln!(
                output,
                "libziggeo {} {}: {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
    }

    fn flush(&self) {
        if let Ok(mut output) = self.output.lock() {
            let _ = output.flush();
        }
    }
}

/// Installs a [`LineLogger`] as the process's logger, unless one is
/// installed already. Returns false when another logger was there first.
pub fn install(logger: LineLogger) -> bool {
    let max_level = logger.max_level;
    if log::set_boxed_logger(Box::new(logger)).is_err() {
        return false;
    }
    log::set_max_level(max_level);
    true
}

/// Installs a stderr logger at the level `ZIGGEO_LOG` names, once per
/// process. An unset or unknown value leaves logging off.
pub(crate) fn init_from_env() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let Ok(value) = std::env::var(LOG_ENV) else {
            return;
        };
        match LevelFilter::from_str(value.trim()) {
            Ok(level) => {
                install(LineLogger::new(level, Box::new(std::io::stderr())));
            }
            Err(_) => {
                eprintln!("libziggeo: {LOG_ENV}={value:?} is not a log level; use error, warn, info, debug or trace")
            }
        }
    });
}
