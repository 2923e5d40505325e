package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.daemon.ApiVersions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTargetTest {
    /** Words the fast path keeps as they are and words it hands to URLEncoder encode alike. */
    @Test
    void encodesEverySegmentAndParameterAsUrlEncoderWould() {
        for (String text : List.of("containers", "create", "a1b2c3", "base:latest", "a.b-c_d*e", "A-Z", "a b", "a+b",
                "50%", "é", "日本", "~home", "a&b=c", "?x", "#", "", "tab\there", "quote\"", "sha256:0f")) {
            assertEquals("/v" + ApiVersions.CURRENT + "/" + reference(text), ApiTarget.of(text).toString(), text);
            assertEquals("/v" + ApiVersions.CURRENT + "/x?" + reference(text) + "=" + reference(text),
                    ApiTarget.of("x").param(text, text).toString(), text);
        }
        assertEquals("/v" + ApiVersions.CURRENT + "/images/library/base%20x/json",
                ApiTarget.of("images", "library/base x", "json").toString());
    }

    private static String reference(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
