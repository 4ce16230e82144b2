import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { homePath } from '@/lib/auth/roles';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePath(actor) : '/signin');
}
