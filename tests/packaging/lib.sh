# Helpers shared by the packaging tests: a sandbox to call, a counted list
# of checks, and checks of what a consumer binary loads. Source it from bash.
#
# Needs ZIGGEO_SANDBOX_BIN (exported by the Makefile) and ROOT, the
# repository root.

: "${ZIGGEO_SANDBOX_BIN:?ZIGGEO_SANDBOX_BIN is not set; run the test through make}"
: "${ROOT:?ROOT is not set; run the test through make}"

SANDBOX_APP_TOKEN=packaging-test-token
SANDBOX_PRIVATE_KEY=packaging-test-private-key
CONSUMER_SRC=$ROOT/tests/packaging/consumer
passed=0
failed=0
sandbox_pid=

# Starts a sandbox on 127.0.0.1 with a free port and sets SANDBOX_URL.
start_sandbox() {
	local out=$1/sandbox.out
	mkdir -p "$1"
	"$ZIGGEO_SANDBOX_BIN" --listen 127.0.0.1:0 --app "$SANDBOX_APP_TOKEN:$SANDBOX_PRIVATE_KEY" --quiet >"$out" 2>"$1/sandbox.err" &
	sandbox_pid=$!
	trap stop_sandbox EXIT
	for _ in $(seq 100); do
		SANDBOX_URL=$(sed -n '1s/^listening on //p' "$out")
		[ -n "$SANDBOX_URL" ] && return 0
		kill -0 "$sandbox_pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "the sandbox did not print its address within 10 s; its stderr:" >&2
	cat "$1/sandbox.err" >&2
	exit 1
}

stop_sandbox() {
	if [ -n "$sandbox_pid" ]; then
		kill "$sandbox_pid" 2>/dev/null || true
		wait "$sandbox_pid" 2>/dev/null || true
		sandbox_pid=
	fi
}

# Runs check NAME as the command that follows, and counts it.
check() {
	local name=$1
	shift
	echo "--- $name"
	if "$@"; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name"
		failed=$((failed + 1))
	fi
}

# Prints the closing count and returns non-zero when a check failed.
summary() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# Runs consumer binary $1 against the sandbox, with a time limit so a
# broken build cannot hang the suite.
run_consumer() {
	timeout 60 "$1" "$SANDBOX_URL" "$SANDBOX_APP_TOKEN" "$SANDBOX_PRIVATE_KEY"
}

# Succeeds when ldd lists no libziggeo for binary $1.
loads_no_libziggeo() {
	if ldd "$1" | grep -q libziggeo; then
		echo "$1 loads libziggeo at run time:" >&2
		ldd "$1" >&2
		return 1
	fi
	if readelf -d "$1" | grep -q 'NEEDED.*libziggeo'; then
		echo "$1 has a NEEDED entry for libziggeo" >&2
		return 1
	fi
}

# Succeeds when binary $1 loads libziggeo.so.MAJOR from directory $2.
loads_libziggeo_from() {
	local line
	line=$(ldd "$1" | grep 'libziggeo\.so') || {
		echo "$1 does not load libziggeo; ldd shows:" >&2
		ldd "$1" >&2
		return 1
	}
	case $line in
	*"=> $2/libziggeo.so."*) ;;
	*)
		echo "$1 loads libziggeo from elsewhere than $2: $line" >&2
		return 1
		;;
	esac
}
