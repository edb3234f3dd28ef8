// Log I/O primitives that Swift's Glibc module hides because it is built without _GNU_SOURCE:
// pipe2, F_SETPIPE_SZ, epoll and eventfd. Every function returns -1 and leaves errno set on failure.
#ifndef TEND_IO_H
#define TEND_IO_H

#include <stdint.h>
#include <sys/types.h>

/// Makes a pipe with both ends close-on-exec and the read end non-blocking: fds[0] reads, fds[1] writes.
int tend_io_pipe(int fds[2]);

/// Asks the kernel to resize a pipe's buffer (F_SETPIPE_SZ); returns the size granted.
int tend_io_set_pipe_size(int fd, int bytes);

/// The current size of a pipe's buffer (F_GETPIPE_SZ).
int tend_io_pipe_size(int fd);


/// A close-on-exec epoll instance.
int tend_io_epoll_create(void);

/// The readiness bits tend_io_epoll_* take and report (epoll's own values).
enum {
    TEND_POLL_IN = 0x001,
    TEND_POLL_OUT = 0x004,
    TEND_POLL_ERR = 0x008,
    TEND_POLL_HUP = 0x010,
    TEND_POLL_RDHUP = 0x2000,
};

/// Watches `fd` for the readiness in `events` (level-triggered); `token` comes back from tend_io_epoll_wait.
int tend_io_epoll_add(int epfd, int fd, uint32_t events, uint64_t token);

/// Changes what readiness `fd` is watched for.
int tend_io_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token);

/// Stops watching `fd`.
int tend_io_epoll_remove(int epfd, int fd);

/// Waits up to `timeout_ms` (-1: forever) and stores the tokens of up to `capacity` ready descriptors, and
/// their readiness bits when `events` is not NULL. Retries EINTR.
int tend_io_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms);

/// A close-on-exec, non-blocking eventfd used to wake a thread sleeping in epoll_wait.
int tend_io_eventfd_create(void);

/// Adds one to the eventfd's counter, waking its waiter.
int tend_io_eventfd_signal(int fd);

/// Resets the eventfd's counter to zero (0 also when it was already zero).
int tend_io_eventfd_drain(int fd);

/// Duplicates `fd` to a new close-on-exec descriptor (F_DUPFD_CLOEXEC).
int tend_io_dup_cloexec(int fd);

/// Sets (1) or clears (0) O_NONBLOCK on `fd`, and sets O_APPEND when `append` is 1.
int tend_io_set_flags(int fd, int nonblocking, int append);

/// The calling thread's kernel id (gettid), as /proc/self/task/ID names it.
int tend_io_thread_id(void);

/// Blocks every signal in the calling thread, so signals go to other threads and a write to a pipe with no
/// reader fails with EPIPE here instead of killing the process.
int tend_io_block_signals(void);

#endif
