/* made by the Makefile from VERSION: do not edit */
#define PEERDESK_VERSION "0.1.0"
