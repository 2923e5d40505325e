# Docker's default seccomp profile, as Launcher states it (DefaultSeccompFilter reads this file).
# Our own list, made from the x86_64 system call table of Linux 6.17 (plus uretprobe): every call
# less those Docker's profile refuses, then the i386 and arm calls x86_64 lacks that Docker allows.
# Any call not named here fails with EPERM (a name an ABI lacks is skipped for that ABI).
#
# A line: a group, a colon, call names. "allow": always allowed. "CAP_X": allowed when the
# container keeps CAP_X (a call under several capabilities is allowed when it keeps any of them).
# socket, personality, clone and clone3 also have rules on their arguments, stated in
# DefaultSeccompFilter. Never allowed, whatever the capabilities: the keyring (keyctl, add_key,
# request_key), userfaultfd, pivot_root, swapon/swapoff, io_uring, and obsolete or unimplemented
# calls (uselib, ustat, sysfs, _sysctl, nfsservctl, the module calls of Linux 2.4, afs_syscall,
# getpmsg, putpmsg, security, tuxcall, vserver).
allow: accept accept4 access adjtimex alarm arch_prctl bind brk cachestat capget capset chdir
allow: chmod chown clock_adjtime clock_getres clock_gettime clock_nanosleep close close_range
allow: connect copy_file_range creat dup dup2 dup3 epoll_create epoll_create1 epoll_ctl
allow: epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 execve
allow: execveat exit exit_group faccessat faccessat2 fadvise64 fallocate fanotify_mark fchdir
allow: fchmod fchmodat fchmodat2 fchown fchownat fcntl fdatasync fgetxattr file_getattr
allow: file_setattr flistxattr flock fork fremovexattr fsetxattr fstat fstatfs fsync ftruncate
allow: futex futex_requeue futex_wait futex_waitv futex_wake futimesat get_robust_list
allow: get_thread_area getcpu getcwd getdents getdents64 getegid geteuid getgid getgroups
allow: getitimer getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid
allow: getresuid getrlimit getrusage getsid getsockname getsockopt gettid gettimeofday getuid
allow: getxattr getxattrat inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel
allow: io_destroy io_getevents io_pgetevents io_setup io_submit ioctl ioprio_get ioprio_set kill
allow: landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lgetxattr link
allow: linkat listen listmount listxattr listxattrat llistxattr lremovexattr lseek lsetxattr
allow: lsm_get_self_attr lsm_list_modules lsm_set_self_attr lstat madvise map_shadow_stack
allow: membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod mknodat mlock mlock2
allow: mlockall mmap modify_ldt mprotect mq_getsetattr mq_notify mq_open mq_timedreceive
allow: mq_timedsend mq_unlink mremap mseal msgctl msgget msgrcv msgsnd msync munlock munlockall
allow: munmap nanosleep newfstatat open openat openat2 pause pidfd_open pidfd_send_signal pipe
allow: pipe2 pkey_alloc pkey_free pkey_mprotect poll ppoll prctl pread64 preadv preadv2 prlimit64
allow: process_mrelease process_vm_readv process_vm_writev pselect6 ptrace pwrite64 pwritev
allow: pwritev2 read readahead readlink readlinkat readv recvfrom recvmmsg recvmsg
allow: remap_file_pages removexattr removexattrat rename renameat renameat2 restart_syscall rmdir
allow: rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend
allow: rt_sigtimedwait rt_tgsigqueueinfo sched_get_priority_max sched_get_priority_min
allow: sched_getaffinity sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval
allow: sched_setaffinity sched_setattr sched_setparam sched_setscheduler sched_yield seccomp
allow: select semctl semget semop semtimedop sendfile sendmmsg sendmsg sendto set_robust_list
allow: set_thread_area set_tid_address setfsgid setfsuid setgid setgroups setitimer setpgid
allow: setpriority setregid setresgid setresuid setreuid setrlimit setsid setsockopt setuid
allow: setxattr setxattrat shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4
allow: socketpair splice stat statfs statmount statx symlink symlinkat sync sync_file_range syncfs
allow: sysinfo tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime
allow: timer_settime timerfd_create timerfd_gettime timerfd_settime times tkill truncate umask
allow: uname unlink unlinkat uretprobe utime utimensat utimes vfork vmsplice wait4 waitid write
allow: writev
# The i386 ABI's own calls (Docker's profile covers i386 and x32 beside x86_64): the 32-bit uid
# and 64-bit file offset variants, the time64 calls, the old signal and wait calls, and the ipc(2)
# and socketcall(2) multiplexers. Docker allows socketcall whatever its sub-call, so an i386
# socket(AF_VSOCK) through it is not refused: the socket rule below sees only the direct call.
allow: _llseek _newselect chown32 clock_adjtime64 clock_getres_time64 clock_gettime64
allow: clock_nanosleep_time64 fadvise64_64 fchown32 fcntl64 fstat64 fstatat64 fstatfs64
allow: ftruncate64 futex_time64 getegid32 geteuid32 getgid32 getgroups32 getresgid32 getresuid32
allow: getuid32 io_pgetevents_time64 ipc lchown32 lstat64 mmap2 mq_timedreceive_time64
allow: mq_timedsend_time64 ppoll_time64 pselect6_time64 recvmmsg_time64 rt_sigtimedwait_time64
allow: sched_rr_get_interval_time64 semtimedop_time64 sendfile64 setfsgid32 setfsuid32 setgid32
allow: setgroups32 setregid32 setresgid32 setresuid32 setreuid32 setuid32 sigprocmask sigreturn
allow: socketcall stat64 statfs64 timer_gettime64 timer_settime64 timerfd_gettime64
allow: timerfd_settime64 truncate64 ugetrlimit utimensat_time64 waitpid
# arm's own calls (its EABI beside aarch64, as Docker's profile allows them on arm and arm64 hosts):
# the 32-bit calls above and these (recv and send are calls of their own on arm).
allow: arm_fadvise64_64 arm_sync_file_range sync_file_range2 breakpoint cacheflush set_tls recv send
# mounts, namespaces, the kernel's log, eBPF and perf events, file handles
CAP_SYS_ADMIN: bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie mount
CAP_SYS_ADMIN: mount_setattr move_mount name_to_handle_at open_tree open_tree_attr perf_event_open
CAP_SYS_ADMIN: quotactl quotactl_fd setdomainname sethostname setns syslog umount umount2 unshare
CAP_DAC_READ_SEARCH: name_to_handle_at open_by_handle_at
CAP_SYS_BOOT: reboot kexec_load kexec_file_load
CAP_SYS_CHROOT: chroot
CAP_SYS_MODULE: init_module finit_module delete_module
CAP_SYS_PACCT: acct
CAP_SYS_PTRACE: kcmp pidfd_getfd process_madvise
CAP_SYS_RAWIO: iopl ioperm
CAP_SYS_TIME: settimeofday clock_settime clock_settime64 stime
CAP_SYS_TTY_CONFIG: vhangup
CAP_SYS_NICE: get_mempolicy mbind set_mempolicy set_mempolicy_home_node move_pages migrate_pages
CAP_SYSLOG: syslog
CAP_BPF: bpf
CAP_PERFMON: perf_event_open
