// notFound() inside the signed-in shell (a record that does not exist or is not the reader's): the
// shell's layout already gives the header and the one main landmark.
import { NotFoundContent } from '@/components/layout/not-found-content';

export default function NotFound() {
  return <NotFoundContent />;
}
