# The two commands of the README: `make run` and `make test`. Everything else is a convenience.
MVN ?= mvn -B
JAVA_OPTS ?=
CLASSPATH_FILE := target/classpath.txt
SANDBOX_MAIN := org.dacsderms.runtime.sandbox.SandboxApplication

.PHONY: run test build format bench-enrollment bench-event-outcome bench-device-score clean

## Start the runtime on port 8080 with the sandbox (simulated DACS and DERMS, SMTP, embedded database).
run: $(CLASSPATH_FILE)
	java $(JAVA_OPTS) -cp target/classes:target/test-classes:$$(cat $(CLASSPATH_FILE)) $(SANDBOX_MAIN)

## Format check, static checks and every test, against real servers on loopback.
test:
	$(MVN) verify

## The runtime's jar, for running against real systems (see README, "Running against real systems").
build:
	$(MVN) -DskipTests package

## Rewrite the Java sources in the project's format.
format:
	$(MVN) -q spotless:apply

## 1,000 enrollment requests against the DACS simulator answering in 20 ms (needs `make run` in another shell).
bench-enrollment:
	bash bench/enrollment-request.sh

## 1,000,000 outcome rows through the runtime, then a plain client (needs `SANDBOX_PEER_PASSWORD=bench make run`).
bench-event-outcome:
	bash bench/event-outcome.sh

## A 1 GB device score file over FTP to DERMS with the runtime at -Xmx256m (starts `make run` itself).
bench-device-score:
	bash bench/device-score-1gb.sh

$(CLASSPATH_FILE): pom.xml $(shell find src -type f 2>/dev/null)
	$(MVN) -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true test-compile dependency:build-classpath \
		-Dmdep.outputFile=$(CLASSPATH_FILE) -Dmdep.includeScope=test

clean:
	$(MVN) -q clean
