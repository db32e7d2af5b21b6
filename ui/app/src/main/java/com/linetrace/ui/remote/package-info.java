/**
 * The UI's HTTP bindings of the services' api interfaces, for a UI running apart from them: where
 * {@code linetrace.ui.remote.<service>} names a service's base URL, its api is an HTTP interface client sending the
 * signed-in user's bearer token, and its problem+json refusals come back as the api's own exceptions.
 */
@NullMarked
package com.linetrace.ui.remote;

import org.jspecify.annotations.NullMarked;
