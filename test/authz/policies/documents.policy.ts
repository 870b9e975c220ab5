import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { tinyPdf } from '../../fixtures/files';
import type { TestApp } from '../../support/test-app';
import { OwnershipProbe, RoutePolicy } from '../policy';

const CHILDMINDER_ONLY = [Role.Childminder] as const;
const documentPath = (id: string) => `/api/user/documents/${id}`;

type Ask = (api: TestApp, documentId: string, other: { Authorization: string }) => Promise<{ status: number }>;

/** Childminder A uploads a document through the API; childminder B, signed in, asks for it with `ask`. */
const otherChildminderProbe = (name: string, ask: Ask): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const minderA = await api.given.signedIn(Role.Childminder);
      const created = await api
        .http()
        .post('/api/user/documents')
        .set(minderA.auth)
        .field('type', 'dbs_certificate')
        .field('name', 'Probe')
        .attach('file', tinyPdf(), { filename: 'probe.pdf', contentType: 'application/pdf' });
      if (created.status !== 201) throw new Error(`Could not upload as childminder A: ${created.status}`);
      const minderB = await api.given.signedIn(Role.Childminder);
      return ask(api, created.body.id as string, minderB.auth);
    },
  },
];

/** Documents and profile photos (documents and compliance issue). */
export const documentsPolicies: RoutePolicy[] = [
  { route: 'GET /api/user/documents', access: CHILDMINDER_ONLY },
  { route: 'POST /api/user/documents', access: CHILDMINDER_ONLY },
  {
    route: 'PUT /api/user/documents/:documentId',
    access: CHILDMINDER_ONLY,
    ownership: otherChildminderProbe("childminder B renames childminder A's document", (api, id, auth) =>
      api.http().put(documentPath(id)).set(auth).send({ name: 'Renamed' }),
    ),
  },
  {
    route: 'DELETE /api/user/documents/:documentId',
    access: CHILDMINDER_ONLY,
    ownership: otherChildminderProbe("childminder B deletes childminder A's document", (api, id, auth) =>
      api.http().delete(documentPath(id)).set(auth),
    ),
  },
  {
    route: 'GET /api/user/documents/:documentId/download',
    access: CHILDMINDER_ONLY,
    ownership: otherChildminderProbe("childminder B downloads childminder A's document", (api, id, auth) =>
      api
        .http()
        .get(`${documentPath(id)}/download`)
        .set(auth),
    ),
  },
  { route: 'POST /api/user/profile-image', access: 'signed-in' },
  { route: 'POST /api/admin/profile-image', access: ADMIN_ROLES },
  {
    route: 'GET /api/profile-images/:imageId',
    access: 'public',
    ownership: {
      why: 'a profile photo is public by design (shown on public profiles); its id is random and changes with each upload',
      coveredBy: {
        file: 'test/api/documents/uploads.api-spec.ts',
        test: 'EXIF and GPS are gone from the stored photo, which is resized and served at its URL',
      },
    },
  },
  { route: 'GET /api/admin/documents', access: ADMIN_ROLES },
  { route: 'GET /api/admin/documents/download', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/documents/status', access: ADMIN_ROLES },
  { route: 'GET /api/admin/documents/:documentId', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/documents/:documentId', access: ADMIN_ROLES },
  { route: 'DELETE /api/admin/documents/:documentId', access: ADMIN_ROLES },
];
