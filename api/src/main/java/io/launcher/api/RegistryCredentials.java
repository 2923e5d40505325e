package io.launcher.api;

/**
 * What a registry is logged into with: a user name and a password (or an identity token, which
 * Docker sends as the password of the user {@code <token>}).
 */
public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public boolean isEmpty() {
        return username.isEmpty() && password.isEmpty();
    }

    /** Hides the password in logs and exception messages. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + username + "]";
    }
}
