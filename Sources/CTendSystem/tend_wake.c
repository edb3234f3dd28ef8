#define _GNU_SOURCE
#include "tend_wake.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

int tend_alarm_create(void) {
    return timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
}

int tend_alarm_arm(int timerfd, int64_t nanoseconds) {
    struct itimerspec setting;
    memset(&setting, 0, sizeof setting);
    if (nanoseconds > 0) {
        setting.it_value.tv_sec = (time_t)(nanoseconds / 1000000000);
        setting.it_value.tv_nsec = (long)(nanoseconds % 1000000000);
    }
    return timerfd_settime(timerfd, 0, &setting, NULL);
}

int tend_alarm_wait(int timerfd, int stopfd) {
    for (;;) {
        struct pollfd watched[2] = {{.fd = timerfd, .events = POLLIN}, {.fd = stopfd, .events = POLLIN}};
        int ready = poll(watched, 2, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (watched[1].revents) return 0;
        if (watched[0].revents) {
            uint64_t expirations;
            // A re-arm between poll and read leaves nothing to read (EAGAIN): wait again.
            ssize_t got = read(timerfd, &expirations, sizeof expirations);
            if (got == (ssize_t)sizeof expirations) return 1;
            if (got < 0 && errno != EINTR && errno != EAGAIN) return -1;
        }
    }
}

static volatile sig_atomic_t relay_fd = -1;

static void relay(int signo) {
    int saved = errno;
    unsigned char number = (unsigned char)signo;
    if (relay_fd >= 0) {
        ssize_t ignored = write(relay_fd, &number, 1);
        (void)ignored;
    }
    errno = saved;
}

int tend_signal_relay_open(void) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return -1;
    if (fcntl(ends[1], F_SETFL, O_NONBLOCK) != 0) {
        int error = errno;
        close(ends[0]);
        close(ends[1]);
        errno = error;
        return -1;
    }
    relay_fd = ends[1];
    return ends[0];
}

int tend_signal_relay(int signo) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = relay;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, NULL);
}

int tend_signal_relay_next(int read_fd) {
    for (;;) {
        unsigned char number;
        ssize_t got = read(read_fd, &number, 1);
        if (got == 1) return number;
        if (got == 0) return 0;
        if (errno != EINTR) return -1;
    }
}
