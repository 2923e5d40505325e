package io.launcher.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void bearerAsDockerHubSendsIt() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/busybox:pull\"").orElseThrow();
        assertTrue(c.isBearer());
        assertEquals("https://auth.docker.io/token", c.parameter("realm"));
        assertEquals("registry.docker.io", c.parameter("service"));
        assertEquals("repository:library/busybox:pull", c.parameter("scope"));
    }

    @Test
    void quotedCommasEscapesTokensAndCase() {
        AuthChallenge c = AuthChallenge.parse("bearer Realm=\"http://h/t\", scope=\"repository:a:pull,push\", "
                + "error=insufficient_scope, x=\"say \\\"hi\\\"\"").orElseThrow();
        assertTrue(c.isBearer());
        assertEquals("http://h/t", c.parameter("realm"));
        assertEquals("repository:a:pull,push", c.parameter("scope"));
        assertEquals("insufficient_scope", c.parameter("error"));
        assertEquals("say \"hi\"", c.parameter("x"));
    }

    @Test
    void basicAndNothing() {
        assertTrue(AuthChallenge.parse("Basic realm=\"registry\"").orElseThrow().isBasic());
        assertEquals(Optional.empty(), AuthChallenge.parse(""));
        assertEquals(Optional.empty(), AuthChallenge.parse(null));
    }
}
