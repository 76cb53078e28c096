/** JSON in and out with Jackson: bundles, fixtures and decisions. The only package importing Jackson. */
package com.recguard.json;
