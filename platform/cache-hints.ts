import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * Marks this field's answer as not to be cached (issue 15): the gateway caches an answer only
 * when every field in it allows it (`@cacheControl` in the SDL). Call it where what a field
 * returns is not for keeping, e.g. a draft, which changes with every edit.
 */
export function doNotCache(info: GraphQLResolveInfo): void {
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0 });
}
