// The demo entities a fresh server starts with, so `npm start` and a curl are enough to try
// every operation. They are part of the baseline: a reset brings back the same credentials.
import type { LangWatchCore } from '../core/langwatch/core.js';
import type { VineCore } from '../core/vine/core.js';

export interface DemoCredentials {
  virtual_key: { id: string; secret: string };
  admin_api_key: { id: string; token: string; role: 'admin'; owner_user_id: string };
  member_api_key: { id: string; token: string; role: 'member'; owner_user_id: string };
  vine_key: { id: string; plaintext: string };
}

export function seedDemo(langwatch: LangWatchCore, vine: VineCore): DemoCredentials {
  const virtualKey = langwatch.seed.virtualKey({ name: 'Demo virtual key', description: 'Created by revokit-mock at startup' });
  const admin = langwatch.seed.apiKey({ role: 'admin' });
  const member = langwatch.seed.apiKey({ role: 'member' });
  const vineKey = vine.seed.key({ name: 'Demo key' });
  return {
    virtual_key: { id: virtualKey.virtual_key.id, secret: virtualKey.secret },
    admin_api_key: { id: admin.id, token: admin.token, role: 'admin', owner_user_id: admin.ownerUserId },
    member_api_key: { id: member.id, token: member.token, role: 'member', owner_user_id: member.ownerUserId },
    vine_key: { id: vineKey.id, plaintext: vineKey.plaintext },
  };
}
