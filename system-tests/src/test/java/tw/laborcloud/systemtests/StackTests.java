package tw.laborcloud.systemtests;

import org.junit.jupiter.api.BeforeAll;

import tw.laborcloud.infra.LocalStack;

/** A test class of the running stack (one per JVM, {@link SharedStack}) and an API client of its public addresses. */
abstract class StackTests {

    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void joinStack() {
        stack = SharedStack.get();
        client = new StackClient(stack.gatewayUrl(), stack.keycloakUrl());
    }
}
