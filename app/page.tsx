import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/actor';
import { homePath } from '@/lib/auth/roles';

// Anonymous → sign-in; a session owing a second factor → that step (requireActor); else the role's home.
export default async function Home() {
  redirect(homePath(await requireActor()));
}
