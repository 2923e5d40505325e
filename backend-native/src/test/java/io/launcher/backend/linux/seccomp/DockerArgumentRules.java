package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * What Docker's default profile decides from a call's arguments, the same on every ABI but under
 * each ABI's own numbers: clone with fork's flags passes and with CLONE_NEWUSER is refused, clone3
 * is ENOSYS (libc falls back to clone), socket is refused for AF_VSOCK and not for AF_INET, and
 * personality's query passes.
 */
record DockerArgumentRules(int arch, int cloneNr, int clone3Nr, int socketNr, int personalityNr) {
    private static final int EPERM = Bpf.RET_ERRNO | 1;
    private static final int ENOSYS = Bpf.RET_ERRNO | 38;

    void assertHeldBy(List<Bpf> program) {
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, arch, cloneNr, 0x01200011L), "clone with fork's flags");
        assertEquals(EPERM, BpfInterpreter.run(program, arch, cloneNr, 0x10000000L), "clone with CLONE_NEWUSER");
        assertEquals(ENOSYS, BpfInterpreter.run(program, arch, clone3Nr), "clone3: libc falls back to clone");
        assertEquals(EPERM, BpfInterpreter.run(program, arch, socketNr, 40), "socket(AF_VSOCK)");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, arch, socketNr, 2), "socket(AF_INET)");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, arch, personalityNr, 0xffffffffL), "personality's query");
    }
}
