import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_METADATA, AccessRule } from '@app/common/auth/decorators';

export interface DiscoveredRoute {
  /** `GET /api/users/me` */
  key: string;
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every HTTP route the application registers, read from Nest's own metadata. */
export function discoverRoutes(app: NestFastifyApplication, prefix = 'api'): DiscoveredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!controller) continue;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler as never, controller]);
      for (const b of base) {
        for (const m of ([] as string[]).concat(methodPath)) {
          const path = join(prefix, b, m);
          const verb = RequestMethod[method];
          routes.push({ key: `${verb} ${path}`, method: verb, path, handler: `${controller.name}.${name}`, rule });
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
