/**
 * Syslog, RFC 5424: the message model, a strict parser, a formatter, and the octet-counting
 * framing of RFC 6587 / RFC 5425 for syslog over TCP and TLS.
 */
package eu.vigil.core.syslog;
