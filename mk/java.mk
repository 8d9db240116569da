# The Java binding (bindings/java): JUnit 5 tests through Maven against the
# sandbox, the parity check against the official Python SDK among them. JNA loads the library from LIBZIGGEO_PATH (exported by the
# Makefile), with jna.library.path as the fallback.

JAVA_DIR := bindings/java
# Quiet Maven, except for Surefire's per-class and total "Tests run:" lines.
MVN_QUIET := -q -B -Dstyle.color=never -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=info

.PHONY: test-java deps-java

TEST_TARGETS += test-java

test-java: lib sandbox deps-parity | deps-java
	cd $(JAVA_DIR) && ZIGGEO_PARITY_CHECK=$(ROOT)/tests/parity/check.sh \
		mvn $(MVN_QUIET) test -Djna.library.path=$(LIB_DIR)

# Installs a JDK (17 or newer) and Maven where they are missing, with
# Debian's packages; Maven fetches JNA and JUnit from Maven Central.
deps-java:
	@command -v javac >/dev/null && command -v mvn >/dev/null || { \
		apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless maven; }
