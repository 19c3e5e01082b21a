/* privilege.c - the setgid group opens the database and nothing else.
 *
 * Installed for many users, peerdesk is setgid to group peerdesk.  At
 * start (privilege_init) the effective group is set back to the person's
 * own and the group is kept only as the saved set-group-ID.  It is taken
 * up again (privilege_raise) only around opening the database, whose path
 * comes from the system settings and never from the person, and dropped
 * again at once (privilege_lower).  So every other file the program opens
 * - exports, PDFs, backups, keys.yaml, editor copies, print spool files -
 * is opened with the person's own rights, and a path a person names can
 * never reach the data folder through the group.  Programs we start
 * (the editor, the print command) get no group at all (privilege_drop).
 */
#define _GNU_SOURCE	/* setresgid, getresgid and friends */
#include "peerdesk/app/privilege.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static bool privilege_started;	/* privilege_init has run */
static bool privilege_setid;	/* started with ids not the person's */
static gid_t privilege_group;	/* the setgid group, kept as saved gid */
static int privilege_depth;	/* privilege_raise calls not yet lowered */

static bool
privilege_ids_differ(void)
{
	return getegid() != getgid() || geteuid() != getuid();
}

enum pd_status
privilege_init(struct pd_err *err)
{
	gid_t g = getgid();

	if (privilege_started)
		return PD_OK;
	privilege_started = true;
	umask(S_IRWXG | S_IRWXO);	/* what we make is the person's alone */
	privilege_setid = privilege_ids_differ();
	if (!privilege_setid)
		return PD_OK;
	privilege_group = getegid();
	/* A setuid user is not how peerdesk is installed: give it up. */
	if (geteuid() != getuid() && setresuid(getuid(), getuid(),
	    getuid()) != 0)
		return pd_fail(err, PD_DENIED, NULL,
		    "could not give up the peerdesk user: %s", strerror(errno));
	if (setresgid(g, g, privilege_group) != 0 || getegid() != g)
		return pd_fail(err, PD_DENIED, NULL,
		    "could not put the peerdesk group aside: %s",
		    strerror(errno));
	return PD_OK;
}

bool
privilege_elevated(void)
{
	if (!privilege_started)
		return privilege_ids_differ();
	return privilege_setid;
}

enum pd_status
privilege_raise(struct pd_err *err)
{
	if (!privilege_setid)
		return PD_OK;
	if (privilege_depth++ > 0)
		return PD_OK;
	if (setresgid((gid_t)-1, privilege_group, (gid_t)-1) != 0) {
		privilege_depth = 0;
		return pd_fail(err, PD_DENIED, NULL,
		    "could not take up the peerdesk group to open the "
		    "database: %s", strerror(errno));
	}
	return PD_OK;
}

enum pd_status
privilege_lower(struct pd_err *err)
{
	gid_t g = getgid();

	if (!privilege_setid || privilege_depth == 0)
		return PD_OK;
	if (--privilege_depth > 0)
		return PD_OK;
	if (setresgid((gid_t)-1, g, (gid_t)-1) != 0 || getegid() != g)
		return pd_fail(err, PD_DENIED, NULL,
		    "could not put the peerdesk group aside: %s",
		    strerror(errno));
	return PD_OK;
}

bool
privilege_raised(void)
{
	return privilege_setid && privilege_depth > 0;
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
	privilege_depth = 0;
	privilege_group = g;
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

	if (privilege_suspended || !privilege_ids_differ())
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
