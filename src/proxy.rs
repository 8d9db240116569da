//! Choice of an HTTP proxy from the environment, following curl's rules.
//!
//! For an `https` base URL the client reads `https_proxy`, then
//! `HTTPS_PROXY`; for `http`, `http_proxy`, then `HTTP_PROXY`. When neither is
//! set, it reads `all_proxy`, then `ALL_PROXY`. An empty value counts as
//! unset. `no_proxy`, then `NO_PROXY`, lists hosts reached directly:
//! comma-separated names, each matching that host and its subdomains (a
//! leading dot is ignored), IP addresses, and `*` for every host. curl ignores
//! upper-case `HTTP_PROXY` to protect CGI programs; a library call is not a
//! CGI program, so this module honours it, lower case first.

/// A proxy chosen from the environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvProxy {
    /// The variable it came from, such as `HTTPS_PROXY`.
    pub variable: String,
    /// The proxy URL, with `http://` added when the value had no scheme.
    pub url: String,
}

/// Returns the proxy to use for a request to `host` over `scheme`, or
/// `None` to connect directly. `lookup` reads one environment variable.
pub fn from_env(scheme: &str, host: &str, lookup: impl Fn(&str) -> Option<String>) -> Option<EnvProxy> {
    let read = |name: &str| {
        let value = lookup(name).filter(|value| !value.trim().is_empty())?;
        Some((name.to_owned(), value))
    };
    let read_pair = |lower: &str| read(lower).or_else(|| read(&lower.to_ascii_uppercase()));

    if let Some((_, no_proxy)) = read_pair("no_proxy") {
        if matches_no_proxy(&no_proxy, host) {
            return None;
        }
    }

    let scheme_variable = if scheme.eq_ignore_ascii_case("https") {
        "https_proxy"
    } else {
        "http_proxy"
    };
    let (variable, value) = read_pair(scheme_variable).or_else(|| read_pair("all_proxy"))?;
    Some(EnvProxy {
        variable,
        url: with_default_scheme(value.trim()),
    })
}

/// Adds `http://` to a proxy given as `host:port`, as curl does.
fn with_default_scheme(proxy: &str) -> String {
    if proxy.contains("://") {
        proxy.to_owned()
    } else {
        format!("http://{proxy}")
    }
}

/// Returns true when `host` matches an entry of a `NO_PROXY` list.
fn matches_no_proxy(list: &str, host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();

    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches('.').trim_start_matches('[');
            let entry = entry.split(']').next().unwrap_or(entry).to_ascii_lowercase();
            host == entry || host.ends_with(&format!(".{entry}"))
        })
}

#[cfg(test)]
mod tests {
    use super::from_env;
    use std::collections::HashMap;

    fn pick(vars: &[(&str, &str)], scheme: &str, host: &str) -> Option<String> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        from_env(scheme, host, |name| vars.get(name).cloned()).map(|proxy| proxy.url)
    }

    #[test]
    fn variable_name_reported() {
        let proxy = from_env("https", "api.example", |name| {
            (name == "ALL_PROXY").then(|| String::from("http://p:1"))
        });
        assert_eq!(proxy.map(|proxy| proxy.variable).as_deref(), Some("ALL_PROXY"));
    }

    #[test]
    fn https_proxy_beats_all_proxy() {
        let vars = [("HTTPS_PROXY", "http://p1:1"), ("ALL_PROXY", "http://p2:2")];
        assert_eq!(pick(&vars, "https", "api.example").as_deref(), Some("http://p1:1"));
    }

    #[test]
    fn lower_case_beats_upper_case() {
        let vars = [("https_proxy", "http://lower:1"), ("HTTPS_PROXY", "http://upper:2")];
        assert_eq!(pick(&vars, "https", "api.example").as_deref(), Some("http://lower:1"));
    }

    #[test]
    fn http_scheme_reads_http_proxy() {
        let vars = [("HTTPS_PROXY", "http://tls:1"), ("http_proxy", "plain:3128")];
        assert_eq!(pick(&vars, "http", "api.example").as_deref(), Some("http://plain:3128"));
    }

    #[test]
    fn all_proxy_is_fallback() {
        let vars = [("all_proxy", "http://any:1")];
        assert_eq!(pick(&vars, "https", "api.example").as_deref(), Some("http://any:1"));
    }

    #[test]
    fn empty_value_counts_as_unset() {
        let vars = [("https_proxy", ""), ("HTTPS_PROXY", "http://upper:2")];
        assert_eq!(pick(&vars, "https", "api.example").as_deref(), Some("http://upper:2"));
    }

    #[test]
    fn no_proxy_host_suffix_and_star() {
        let base = [("HTTPS_PROXY", "http://p:1")];
        let cases = [
            ("api.example", "api.example", None),
            ("example", "api.example", None),
            (".example", "api.example", None),
            ("*", "api.example", None),
            ("other.example", "api.example", Some("http://p:1")),
            ("ample", "api.example", Some("http://p:1")),
            ("127.0.0.1", "127.0.0.1", None),
            ("::1", "[::1]", None),
        ];
        for (no_proxy, host, expected) in cases {
            let mut vars = base.to_vec();
            vars.push(("NO_PROXY", no_proxy));
            assert_eq!(
                pick(&vars, "https", host).as_deref(),
                expected,
                "NO_PROXY={no_proxy} host={host}"
            );
        }
    }

    #[test]
    fn nothing_set_means_direct() {
        assert_eq!(pick(&[], "https", "api.example"), None);
    }
}
