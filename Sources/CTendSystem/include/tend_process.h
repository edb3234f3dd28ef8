#ifndef TEND_PROCESS_H
#define TEND_PROCESS_H

#include <stdint.h>
#include <sys/types.h>

/// How a reaped child ended: signal is 0 when it exited with code, else the signal that killed it.
struct tend_process_exit {
    pid_t pid;
    int code;
    int signal;
    int core_dumped;
};

/// Makes this process a child subreaper (PR_SET_CHILD_SUBREAPER): orphaned descendants are reparented to it.
int tend_process_become_subreaper(void);

/// Names the calling thread (at most 15 bytes), as ps -L and top -H show it.
void tend_process_name_thread(const char *name);

/// Returns the free pages of every malloc arena to the kernel (malloc_trim(0)); 1 if any memory was released.
int tend_process_release_free_memory(void);

/// Makes every thread allocate from one malloc arena (mallopt(M_ARENA_MAX, 1)). Returns 0, or -1 when refused.
int tend_process_use_one_malloc_arena(void);

/// Installs a SIGCHLD handler (SA_RESTART | SA_NOCLDSTOP) that only adds 1 to the given eventfd, which is
/// async-signal-safe and wakes whoever polls the eventfd. Returns 0 or -1 with errno.
int tend_process_install_sigchld_wakeup(int eventfd);

/// A non-blocking, close-on-exec eventfd, or -1 with errno.
int tend_process_eventfd(void);
/// Adds 1 to an eventfd, waking its poller.
void tend_process_eventfd_signal(int eventfd);
/// Resets an eventfd's counter so it stops being readable.
void tend_process_eventfd_drain(int eventfd);

/// A close-on-exec epoll instance, or -1 with errno.
int tend_process_epoll_create(void);
/// Watches fd for readability, reported back as fd itself. Returns 0 or -1 with errno.
int tend_process_epoll_watch(int epoll_fd, int fd);
/// Stops watching fd. Returns 0 or -1 with errno.
int tend_process_epoll_unwatch(int epoll_fd, int fd);
/// Waits (retrying EINTR) until some watched fds are readable and stores up to capacity of them in ready.
/// Returns their number, or -1 with errno.
int tend_process_epoll_wait(int epoll_fd, int *ready, int capacity, int timeout_ms);

/// Reaps the child behind a pidfd with waitid(P_PIDFD) if it has exited, so a reused pid can never be confused
/// with it. Returns 1 when reaped (exit filled), 0 when it still runs, -1 with errno.
int tend_process_reap_pidfd(int pidfd, struct tend_process_exit *exit);
/// Waits for the child behind a pidfd to exit and reaps it. Returns 1, or -1 with errno.
int tend_process_wait_pidfd(int pidfd, struct tend_process_exit *exit);
/// Finds an exited child of this process without reaping it (waitid WNOWAIT). Returns 1 with *pid set,
/// 0 when there is none, -1 with errno.
int tend_process_peek_exited(pid_t *pid);
/// Reaps the exited child pid (one that tend_process_peek_exited reported). Returns 1, 0 or -1 like reap_pidfd.
int tend_process_reap_pid(pid_t pid, struct tend_process_exit *exit);

/// Opens a pidfd for pid (pidfd_open), or -1 with errno.
int tend_process_pidfd_open(pid_t pid);
/// Sends sig through a pidfd (pidfd_send_signal). Returns 0 or -1 with errno.
int tend_process_pidfd_signal(int pidfd, int sig);

/// Raises the soft RLIMIT_NOFILE to the hard limit. Returns 0 with the soft limit before and after and the hard
/// limit, or -1 with errno.
int tend_process_raise_nofile_limit(uint64_t *previous_soft, uint64_t *soft, uint64_t *hard);

/// The daemon's own environment (environ), NULL-terminated NAME=value strings.
char *const *tend_process_environment(void);

#endif
