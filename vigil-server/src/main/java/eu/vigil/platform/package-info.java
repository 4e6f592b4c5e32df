/**
 * Platform: what every module stands on and no business rule lives in. The data folder, HTTPS
 * with a self-signed certificate on first start, security headers, the page layout and the
 * translation of errors into problem+json and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package eu.vigil.platform;
