//! Test certificates made with the `openssl` command: a CA, and server
//! certificates signed by it for chosen names and validity periods.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A CA and the directory its files live in.
pub struct TestCa {
    pub dir: PathBuf,
    pub cert: PathBuf,
    key: PathBuf,
}

/// A server certificate chain and its private key, as PEM files.
pub struct ServerCert {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Returns a new empty directory under Cargo's temporary directory for
/// integration tests.
pub fn fresh_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let index = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}-{index}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}

fn openssl(dir: &Path, arguments: &[&str]) {
    let output = Command::new("openssl")
        .args(arguments)
        .current_dir(dir)
        .output()
        .expect("run openssl; install it with `make deps-reliability` or apt-get install openssl");
    assert!(
        output.status.success(),
        "openssl {arguments:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

impl TestCa {
    /// Creates a CA certificate valid for 30 days.
    pub fn new(name: &str) -> Self {
        let dir = fresh_dir(name);
        openssl(
            &dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "ca-key.pem",
                "-out",
                "ca.pem",
                "-days",
                "30",
                "-subj",
                "/CN=libziggeo test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        TestCa {
            cert: dir.join("ca.pem"),
            key: dir.join("ca-key.pem"),
            dir,
        }
    }

    /// Signs a server certificate for `subject_alt_names` (such as
    /// `IP:127.0.0.1,DNS:localhost`) that is valid for `days` days from now.
    /// A negative `days` ends the validity before now: an expired certificate.
    pub fn server(&self, file_stem: &str, subject_alt_names: &str, days: i32) -> ServerCert {
        let key = format!("{file_stem}-key.pem");
        let request = format!("{file_stem}.csr");
        let cert = format!("{file_stem}.pem");
        let extensions = format!("{file_stem}.ext");
        std::fs::write(
            self.dir.join(&extensions),
            format!("subjectAltName={subject_alt_names}\nextendedKeyUsage=serverAuth\n"),
        )
        .expect("write the extensions file");

        openssl(
            &self.dir,
            &[
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &key,
                "-out",
                &request,
                "-subj",
                "/CN=libziggeo test server",
            ],
        );
        let days = days.to_string();
        openssl(
            &self.dir,
            &[
                "x509",
                "-req",
                "-in",
                &request,
                "-CA",
                "ca.pem",
                "-CAkey",
                self.key.to_str().expect("UTF-8 path"),
                "-CAcreateserial",
                "-out",
                &cert,
                "-days",
                &days,
                "-extfile",
                &extensions,
            ],
        );
        ServerCert {
            cert: self.dir.join(cert),
            key: self.dir.join(key),
        }
    }
}
