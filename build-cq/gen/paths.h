/* made by the Makefile: do not edit */
#define PEERDESK_SYSCONFDIR "/etc"
#define PEERDESK_STATEDIR "/var/lib/peerdesk"
