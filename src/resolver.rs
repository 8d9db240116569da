//! Host name resolution for the client's agent.
//!
//! ureq 3.5 resolves the host before it looks for a pooled connection, so
//! every call pays for a look-up, and with a timeout set each look-up runs on
//! a new thread. This resolver returns IP addresses without any look-up and
//! keeps a host name's addresses for [`CACHE_TTL`], which takes both costs off
//! the calls that reuse a connection.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a host name's addresses are reused. Short, because the system
/// resolver does not report the DNS record's own TTL.
pub(crate) const CACHE_TTL: Duration = Duration::from_secs(30);

/// The last host name looked up, with its addresses and when they expire.
#[derive(Debug)]
struct Cached {
    host_and_port: String,
    addresses: ResolvedSocketAddrs,
    expires: Instant,
}

/// A resolver that skips look-ups of IP addresses and caches the last host
/// name's addresses. A client talks to one host, so one entry is enough.
#[derive(Debug, Default)]
pub(crate) struct CachingResolver {
    system: DefaultResolver,
    last: Mutex<Option<Cached>>,
}

impl Resolver for CachingResolver {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some((host, port)) = host_and_port(uri) else {
            return self.system.resolve(uri, config, timeout);
        };

        if let Ok(ip) = host.parse::<IpAddr>() {
            let mut addresses = self.empty();
            addresses.push(SocketAddr::new(ip, port));
            return Ok(addresses);
        }

        let key = format!("{host}:{port}");
        if let Some(addresses) = self.cached(&key) {
            return Ok(addresses);
        }

        // std reports a failed getaddrinfo() as an I/O error, which ureq
        // passes on as is and which would read as a failed connection.
        let addresses = self.system.resolve(uri, config, timeout).map_err(|error| match error {
            ureq::Error::Io(io) => {
                log::debug!("looking up {host} failed: {io}");
                ureq::Error::HostNotFound
            }
            other => other,
        })?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Cached {
                host_and_port: key,
                addresses: addresses.clone(),
                expires: Instant::now() + CACHE_TTL,
            });
        }
        Ok(addresses)
    }
}

impl CachingResolver {
    fn cached(&self, key: &str) -> Option<ResolvedSocketAddrs> {
        let last = self.last.lock().ok()?;
        let cached = last.as_ref()?;
        if cached.host_and_port == key && Instant::now() < cached.expires {
            Some(cached.addresses.clone())
        } else {
            None
        }
    }
}

/// Returns the host, without IPv6 brackets, and the port, explicit or the
/// scheme's default.
fn host_and_port(uri: &Uri) -> Option<(&str, u16)> {
    let authority = uri.authority()?;
    let port = match authority.port_u16() {
        Some(port) => port,
        None => match uri.scheme_str()? {
            "https" => 443,
            "http" => 80,
            _ => return None,
        },
    };
    let host = authority.host().trim_start_matches('[').trim_end_matches(']');
    Some((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_port_defaults() {
        let cases = [
            ("https://srv-api.ziggeo.com/v1/api/hook", ("srv-api.ziggeo.com", 443)),
            ("http://127.0.0.1/x", ("127.0.0.1", 80)),
            ("http://127.0.0.1:8080/x", ("127.0.0.1", 8080)),
            ("http://[::1]:9/x", ("::1", 9)),
        ];
        for (url, expected) in cases {
            let uri: Uri = url.parse().expect("valid URI");
            assert_eq!(host_and_port(&uri), Some(expected), "{url}");
        }
    }

    #[test]
    fn ip_address_needs_no_lookup() {
        let resolver = CachingResolver::default();
        let uri: Uri = "http://[::1]:8080/x".parse().expect("valid URI");
        let config = Config::default();
        let addresses = resolver
            .resolve(&uri, &config, NextTimeout::default())
            .expect("an IP address always resolves");
        assert_eq!(addresses.len(), 1);
        assert_eq!(addresses[0], "[::1]:8080".parse::<SocketAddr>().expect("valid address"));
        assert!(
            resolver.last.lock().expect("lock").is_none(),
            "nothing was looked up or cached"
        );
    }

    #[test]
    fn localhost_lookup_cached() {
        let resolver = CachingResolver::default();
        let uri: Uri = "http://localhost:8080/x".parse().expect("valid URI");
        let config = Config::default();
        let first = resolver
            .resolve(&uri, &config, NextTimeout::default())
            .expect("localhost resolves");
        assert!(resolver.cached("localhost:8080").is_some());
        let second = resolver.resolve(&uri, &config, NextTimeout::default()).expect("cached");
        assert_eq!(first.as_ref(), second.as_ref());
        assert!(resolver.cached("localhost:9090").is_none());
    }
}
