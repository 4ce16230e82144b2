// The file of one's own finished background export (kept 24 hours), streamed from the database.
import { downloadStored } from '@/lib/reports/export/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadStored(request, id);
}
