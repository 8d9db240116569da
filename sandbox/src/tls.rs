//! TLS for the listening socket: loading PEM files or generating a CA and a
//! server certificate, and building the rustls acceptor with the ring provider.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

use crate::config::TlsConfig;
use crate::error::Error;

/// Builds the acceptor for `tls`, generating and writing certificates first for
/// [`TlsConfig::SelfSigned`].
pub(crate) fn acceptor(tls: &TlsConfig) -> Result<TlsAcceptor, Error> {
    let (cert_pem, key_pem) = match tls {
        TlsConfig::Files { cert, key } => (read(cert)?, read(key)?),
        TlsConfig::SelfSigned { dir } => {
            let generated = generate_self_signed()?;
            std::fs::create_dir_all(dir).map_err(|source| Error::WriteFile {
                path: dir.clone(),
                source,
            })?;
            write(&dir.join("ca.pem"), &generated.ca_pem)?;
            write(&dir.join("server.pem"), &generated.server_pem)?;
            write_private(&dir.join("server-key.pem"), &generated.server_key_pem)?;
            (generated.server_pem.into_bytes(), generated.server_key_pem.into_bytes())
        }
    };

    let certs = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Tls(format!("certificate file is not valid PEM: {e}")))?;
    if certs.is_empty() {
        return Err(Error::Tls("certificate file contains no CERTIFICATE block".to_owned()));
    }
    // The key's own bytes stay out of the message.
    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| {
        Error::Tls(format!(
            "key file contains no usable PEM private key ({e}); expected PKCS#8, PKCS#1 or SEC1"
        ))
    })?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| Error::Tls(format!("certificate and key do not form a usable pair: {e}")))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

struct GeneratedCertificates {
    ca_pem: String,
    server_pem: String,
    server_key_pem: String,
}

/// Generates a CA and a server certificate for `localhost`, `127.0.0.1` and `::1`
/// signed by it. Both use rcgen's default validity (1975 to 4096).
fn generate_self_signed() -> Result<GeneratedCertificates, Error> {
    let cert_error = |e: rcgen::Error| Error::Tls(format!("failed to generate a certificate: {e}"));

    let mut ca_params = CertificateParams::new(Vec::new()).map_err(cert_error)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "ziggeo-sandbox local CA");
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_key = KeyPair::generate().map_err(cert_error)?;
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).map_err(cert_error)?;

    let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned(), "::1".to_owned()];
    let mut server_params = CertificateParams::new(names).map_err(cert_error)?;
    server_params.distinguished_name.push(DnType::CommonName, "localhost");
    server_params.use_authority_key_identifier_extension = true;
    server_params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    server_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let server_key = KeyPair::generate().map_err(cert_error)?;
    let server_cert = server_params.signed_by(&server_key, &ca).map_err(cert_error)?;

    Ok(GeneratedCertificates {
        ca_pem: ca.pem(),
        server_pem: server_cert.pem(),
        server_key_pem: server_key.serialize_pem(),
    })
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::ReadFile {
        path: path.clone(),
        source,
    })
}

fn write(path: &Path, contents: &str) -> Result<(), Error> {
    std::fs::write(path, contents).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes a private key file, readable only by its owner on Unix.
fn write_private(path: &Path, contents: &str) -> Result<(), Error> {
    use std::io::Write;

    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let write_error = |source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    };
    let mut file = options.open(path).map_err(write_error)?;
    file.write_all(contents.as_bytes()).map_err(write_error)
}
