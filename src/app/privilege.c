/* privilege.c - know the setgid group, keep it away from child programs. */
#define _GNU_SOURCE	/* setresgid, getresgid and friends */
#include "peerdesk/app/privilege.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

bool
privilege_elevated(void)
{
	return getegid() != getgid() || geteuid() != getuid();
}

enum pd_status
privilege_drop(struct pd_err *err)
{
	gid_t g = getgid(), rg, eg, sg;
	uid_t u = getuid(), ru, eu, su;

	/* The group first: once the user is dropped, setresgid may no
	 * longer be allowed. */
	if (setresgid(g, g, g) != 0)
		return pd_fail(err, PD_DENIED, NULL,
		    "could not give up the peerdesk group: %s", strerror(errno));
	if (setresuid(u, u, u) != 0)
		return pd_fail(err, PD_DENIED, NULL,
		    "could not give up the peerdesk user: %s", strerror(errno));
	if (getresgid(&rg, &eg, &sg) != 0 || getresuid(&ru, &eu, &su) != 0 ||
	    rg != g || eg != g || sg != g || ru != u || eu != u || su != u)
		return pd_fail(err, PD_DENIED, NULL,
		    "the peerdesk group is still held after giving it up");
	return PD_OK;
}

enum pd_status
privilege_share_file(const char *path, struct pd_err *err)
{
	if (!privilege_elevated())
		return PD_OK;
	if (chmod(path, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP) != 0)
		return pd_fail(err, PD_IO, NULL,
		    "could not let the peerdesk group use %s: %s", path,
		    strerror(errno));
	return PD_OK;
}

static gid_t privilege_saved_egid;
static uid_t privilege_saved_euid;
static bool privilege_suspended;

enum pd_status
privilege_suspend(struct pd_err *err)
{
	int e;

	if (privilege_suspended || !privilege_elevated())
		return PD_OK;
	privilege_saved_egid = getegid();
	privilege_saved_euid = geteuid();
	privilege_suspended = true;
	/* The group first: a setuid user may be needed to change it. */
	if (setegid(getgid()) != 0 || seteuid(getuid()) != 0) {
		e = errno;
		(void)privilege_resume(NULL);
		return pd_fail(err, PD_DENIED, NULL,
		    "could not put the peerdesk group aside: %s", strerror(e));
	}
	return PD_OK;
}

enum pd_status
privilege_resume(struct pd_err *err)
{
	if (!privilege_suspended)
		return PD_OK;
	if ((geteuid() != privilege_saved_euid &&
	    seteuid(privilege_saved_euid) != 0) ||
	    (getegid() != privilege_saved_egid &&
	    setegid(privilege_saved_egid) != 0))
		return pd_fail(err, PD_DENIED, NULL,
		    "could not take the peerdesk group back: %s",
		    strerror(errno));
	privilege_suspended = false;
	return PD_OK;
}
enum pd_status
privilege_share_db(const char *db_path, struct pd_err *err)
{
	static const char *const sidecars[] = { "-wal", "-shm", "-journal" };
	char path[4096];
	enum pd_status s;
	size_t i;

	if ((s = privilege_share_file(db_path, err)) != PD_OK)
		return s;
	for (i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		if ((size_t)snprintf(path, sizeof path, "%s%s", db_path,
		    sidecars[i]) >= sizeof path)
			return pd_fail(err, PD_IO, NULL,
			    "the database's path is too long");
		if (access(path, F_OK) != 0)
			continue;	/* not there now: nothing to share */
		if ((s = privilege_share_file(path, err)) != PD_OK)
			return s;
	}
	return PD_OK;
}
