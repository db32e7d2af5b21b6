/**
 * The HTTP side every LineTrace service process shares: the API's security filter chain (identity's bearer tokens,
 * and HTTP Basic where the process holds identity's users), problem+json refusals, the request body limit and the
 * free-text check of every string a request body brings.
 */
@NullMarked
package com.linetrace.web;

import org.jspecify.annotations.NullMarked;
